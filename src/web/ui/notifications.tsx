import { useNotifications } from "@mantine/notifications";
import { type ComponentType, useEffect, useState } from "react";

type Container = ComponentType<{ position: "top-right" }>;
let loaded: Container | null = null;

/**
 * Where notifications show (top right). The container's code is not in the first chunk: it loads as
 * the page starts, and again when a notification is shown if it could not be fetched then.
 * Notifications shown meanwhile wait in Mantine's store and appear once it is there.
 */
export function NotificationsOnDemand() {
  const [Notifications, setNotifications] = useState<Container | null>(() => loaded);
  const waiting = useNotifications().notifications.length > 0;
  // biome-ignore lint/correctness/useExhaustiveDependencies: load again when a notification waits.
  useEffect(() => {
    if (Notifications) return;
    let live = true;
    import("./notifications-container.js").then(
      (module) => {
        loaded = module.Notifications;
        if (live) setNotifications(() => module.Notifications);
      },
      () => {}, // tried again when a notification is shown
    );
    return () => {
      live = false;
    };
  }, [Notifications, waiting]);
  return Notifications ? <Notifications position="top-right" /> : null;
}
