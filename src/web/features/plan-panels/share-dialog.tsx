import {
  Alert,
  Badge,
  Button,
  Group,
  Modal,
  NativeSelect,
  Paper,
  Radio,
  Skeleton,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useMutation, useQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import type { PlanMember } from "../../api/members.js";
import { planKeys } from "../../api/plan-keys.js";
import type { PlanRole, PlanVisibility } from "../../api/plan-list.js";
import { usePlansApi } from "../../api/use-plans-api.js";
import { useLanguage } from "../../language.js";
import { useQueryClient, useSession } from "../../session.js";
import { errorMessage } from "../../ui/errors.js";
import { useNotify } from "../../ui/notify.js";
import { FormError } from "../../ui/page.js";
import { formatDateTime } from "../../ui/plan-format.js";

/** Roles that can be given by invitation or role change (ownership moves by transfer only). */
const grantable: PlanRole[] = ["co_owner", "editor", "commenter", "reader"];
const visibilities: PlanVisibility[] = ["private", "organisation", "public"];
const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export interface ShareDialogProps {
  planId: string;
  opened: boolean;
  onClose(): void;
}

/**
 * Share a plan: members and their roles, invitations by e-mail, pending invitations, ownership
 * transfer (owner only) and visibility; every control follows `GET /plans/{id}/access`.
 */
export function ShareDialog({ planId, opened, onClose }: ShareDialogProps) {
  const { t } = useLanguage();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t("web.share.title")}
      size="xl"
      closeButtonProps={{ "aria-label": t("web.close") }}
    >
      {opened && <ShareContent planId={planId} />}
    </Modal>
  );
}

function ShareContent({ planId }: { planId: string }) {
  const { t, lang } = useLanguage();
  const { plans, members: api } = usePlansApi();
  const { account } = useSession();
  const client = useQueryClient();
  const notify = useNotify();
  const access = useQuery({ queryKey: planKeys.access(planId), queryFn: () => plans.access(planId) });
  const list = useQuery({ queryKey: planKeys.members(planId), queryFn: () => api.list(planId) });
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<PlanRole>("editor");
  const [emailError, setEmailError] = useState<string | null>(null);
  const [transferTo, setTransferTo] = useState<PlanMember | null>(null);
  // The visibility just chosen, set in the click itself: the mutation's own state arrives a tick
  // later, and meanwhile the controlled radio would flick back to the old choice.
  const [chosenVisibility, setChosenVisibility] = useState<PlanVisibility | null>(null);

  const refresh = () => {
    void client.invalidateQueries({ queryKey: planKeys.members(planId) });
    void client.invalidateQueries({ queryKey: planKeys.access(planId) });
    void client.invalidateQueries({ queryKey: planKeys.lists });
  };
  const fail = (error: unknown) => notify.failure(errorMessage(error, t));

  const invite = useMutation({
    mutationFn: () => api.invite(planId, email.trim(), role),
    onSuccess: (outcome) => {
      refresh();
      notify.success(
        "member" in outcome
          ? t("web.share.added", { name: outcome.member.displayName })
          : t("web.share.invited", { email: outcome.invitation.email }),
      );
      setEmail("");
    },
  });
  const changeRole = useMutation({
    mutationFn: (input: { userId: string; role: PlanRole }) =>
      api.changeRole(planId, input.userId, input.role),
    onSuccess: refresh,
    onError: fail,
  });
  const removeMember = useMutation({
    mutationFn: (member: PlanMember) => api.remove(planId, member.userId),
    onSuccess: (_, member) => {
      refresh();
      notify.success(t("web.share.removed", { name: member.displayName }));
    },
    onError: fail,
  });
  const cancelInvitation = useMutation({
    mutationFn: (invitationId: string) => api.cancelInvitation(planId, invitationId),
    onSuccess: refresh,
    onError: fail,
  });
  const transfer = useMutation({
    mutationFn: (member: PlanMember) => api.transfer(planId, member.userId),
    onSuccess: (_, member) => {
      refresh();
      setTransferTo(null);
      notify.success(t("web.share.transferred", { name: member.displayName }));
    },
    onError: fail,
  });
  const visibility = useMutation({
    mutationFn: (value: PlanVisibility) => api.setVisibility(planId, value),
    onSuccess: () => {
      refresh();
      void client.invalidateQueries({ queryKey: planKeys.plan(planId) });
      void client.invalidateQueries({ queryKey: planKeys.publicLists });
      notify.success(t("web.share.visibility_saved"));
    },
    onError: fail,
  });

  if (access.isPending || list.isPending)
    return (
      <Stack gap="sm" aria-busy="true">
        <Skeleton height={40} />
        <Skeleton height={40} />
        <Skeleton height={40} />
      </Stack>
    );
  if (access.isError) return <FormError error={access.error} />;
  if (list.isError) return <FormError error={list.error} />;
  const capabilities = new Set(access.data.capabilities);
  const canShare = capabilities.has("share");
  const canTransfer = capabilities.has("transfer");
  const canSetVisibility = capabilities.has("set_visibility");

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!emailPattern.test(email.trim())) {
      setEmailError(t("web.validation.email"));
      return;
    }
    setEmailError(null);
    invite.mutate();
  };

  const { members, invitations } = list.data;
  // The choice shows at once; the server's answer (or its refusal) then decides.
  const shownVisibility = visibility.isError || !chosenVisibility ? access.data.visibility : chosenVisibility;
  return (
    <Stack gap="xl">
      {canShare && (
        <section aria-labelledby="share-invite">
          <Title order={3} size="h5" id="share-invite" mb="xs">
            {t("web.share.invite.title")}
          </Title>
          <form onSubmit={submit} noValidate>
            <Group align="flex-start" gap="sm" wrap="wrap">
              <TextInput
                type="email"
                label={t("web.field.email")}
                value={email}
                onChange={(event) => {
                  setEmail(event.currentTarget.value);
                  setEmailError(null);
                }}
                error={emailError}
                style={{ flex: "1 1 240px" }}
                autoComplete="off"
              />
              <NativeSelect
                label={t("web.share.role")}
                value={role}
                onChange={(event) => setRole(event.currentTarget.value as PlanRole)}
                data={grantable.map((value) => ({ value, label: t(`web.role.${value}`) }))}
                style={{ flex: "0 1 180px" }}
              />
              <Button type="submit" mt={25} loading={invite.isPending}>
                {t("web.share.invite")}
              </Button>
            </Group>
            <Text size="xs" c="gray.7" mt={4}>
              {t("web.share.invite.hint")}
            </Text>
            {invite.isError && (
              <Stack mt="xs">
                <FormError error={invite.error} />
              </Stack>
            )}
          </form>
        </section>
      )}

      <section aria-labelledby="share-members">
        <Title order={3} size="h5" id="share-members" mb="xs">
          {t("web.share.members")}
        </Title>
        <Stack component="ul" gap="xs" className="plain-list" data-testid="share-members">
          {members.map((member) => {
            const self = member.userId === account?.id;
            const editable = canShare && member.role !== "owner" && !self;
            return (
              <Paper
                key={member.userId}
                component="li"
                withBorder
                p="sm"
                radius="md"
                data-testid="share-member"
              >
                <Group justify="space-between" wrap="wrap" gap="sm">
                  <Stack gap={0} miw={0}>
                    <Text fw={500}>
                      {member.displayName}
                      {self && ` ${t("web.share.you")}`}
                    </Text>
                    <Text size="sm" c="gray.7">
                      {member.email}
                    </Text>
                  </Stack>
                  <Group gap="xs">
                    {editable ? (
                      <NativeSelect
                        aria-label={t("web.share.role_of", { name: member.displayName })}
                        value={member.role}
                        onChange={(event) =>
                          changeRole.mutate({
                            userId: member.userId,
                            role: event.currentTarget.value as PlanRole,
                          })
                        }
                        data={grantable.map((value) => ({ value, label: t(`web.role.${value}`) }))}
                        disabled={changeRole.isPending}
                      />
                    ) : (
                      <Badge variant="light" color="indigo.9">
                        {t(`web.role.${member.role}`)}
                      </Badge>
                    )}
                    {canTransfer && member.role !== "owner" && (
                      <Button variant="subtle" size="compact-sm" onClick={() => setTransferTo(member)}>
                        {t("web.share.make_owner")}
                      </Button>
                    )}
                    {editable && (
                      <Button
                        variant="light"
                        color="red.9"
                        size="compact-sm"
                        aria-label={t("web.share.remove_label", { name: member.displayName })}
                        onClick={() => removeMember.mutate(member)}
                      >
                        {t("web.share.remove")}
                      </Button>
                    )}
                  </Group>
                </Group>
              </Paper>
            );
          })}
        </Stack>
      </section>

      {invitations.length > 0 && (
        <section aria-labelledby="share-pending">
          <Title order={3} size="h5" id="share-pending" mb="xs">
            {t("web.share.pending")}
          </Title>
          <Stack component="ul" gap="xs" className="plain-list">
            {invitations.map((invitation) => (
              <Paper
                key={invitation.id}
                component="li"
                withBorder
                p="sm"
                radius="md"
                data-testid="share-invitation"
              >
                <Group justify="space-between" wrap="wrap" gap="sm">
                  <Stack gap={0}>
                    <Text fw={500}>{invitation.email}</Text>
                    <Text size="sm" c="gray.7">
                      {t("web.share.invited_on", {
                        role: t(`web.role.${invitation.role}`),
                        date: formatDateTime(invitation.invitedAt, lang),
                      })}
                    </Text>
                  </Stack>
                  {canShare && (
                    <Button
                      variant="light"
                      color="red.9"
                      size="compact-sm"
                      aria-label={t("web.share.cancel_invitation_label", { email: invitation.email })}
                      onClick={() => cancelInvitation.mutate(invitation.id)}
                    >
                      {t("web.share.cancel_invitation")}
                    </Button>
                  )}
                </Group>
              </Paper>
            ))}
          </Stack>
        </section>
      )}

      <section aria-labelledby="share-visibility">
        <Radio.Group
          value={shownVisibility}
          onChange={(value) => {
            setChosenVisibility(value as PlanVisibility);
            visibility.mutate(value as PlanVisibility);
          }}
          label={
            <Title order={3} size="h5" id="share-visibility" component="span">
              {t("web.share.visibility")}
            </Title>
          }
          name="visibility"
        >
          <Stack gap="xs" mt="xs">
            {visibilities.map((value) => (
              <Radio
                key={value}
                value={value}
                label={t(`web.visibility.${value}`)}
                description={t(`web.visibility.${value}.hint`)}
                disabled={!canSetVisibility || visibility.isPending}
              />
            ))}
          </Stack>
        </Radio.Group>
      </section>

      <Modal
        opened={transferTo !== null}
        onClose={() => setTransferTo(null)}
        title={t("web.share.transfer.title")}
        closeButtonProps={{ "aria-label": t("web.close") }}
      >
        {transferTo && (
          <Stack>
            <Alert color="orange" variant="light">
              {t("web.share.transfer.text", { name: transferTo.displayName })}
            </Alert>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setTransferTo(null)}>
                {t("web.cancel")}
              </Button>
              <Button loading={transfer.isPending} onClick={() => transfer.mutate(transferTo)}>
                {t("web.share.transfer.confirm")}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Stack>
  );
}
