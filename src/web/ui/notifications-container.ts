// Mantine's notification container (its transitions and drag-to-dismiss), a chunk of its own: see
// `NotificationsOnDemand` in notifications.tsx.
export { Notifications } from "@mantine/notifications";
