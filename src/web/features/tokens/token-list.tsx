import { Alert, Badge, Button, Group, Modal, Skeleton, Stack, Table, Text } from "@mantine/core";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import type { ApiToken } from "../../../contract/accounts.js";
import { useAccountApi } from "../../api/use-api.js";
import { useLanguage } from "../../language.js";
import { useQueryClient } from "../../session.js";
import { errorMessage } from "../../ui/errors.js";
import { useNotify } from "../../ui/notify.js";
import { FormError } from "../../ui/page.js";
import { tokensKey } from "./token-queries.js";

/** The user's tokens (revoked ones included, marked) with a revoke action behind a confirmation. */
export function TokenList() {
  const { t, lang } = useLanguage();
  const api = useAccountApi();
  const tokens = useQuery({ queryKey: tokensKey, queryFn: () => api.listTokens() });
  const [revoking, setRevoking] = useState<ApiToken | null>(null);
  const date = new Intl.DateTimeFormat(lang === "fr" ? "fr-FR" : "en-GB", {
    dateStyle: "medium",
    timeStyle: "short",
  });
  const when = (iso: string | null) => (iso ? date.format(new Date(iso)) : t("web.tokens.never"));

  if (tokens.isPending)
    return (
      <Stack gap="xs" aria-busy="true" aria-label={t("web.loading")}>
        <Skeleton height={36} />
        <Skeleton height={36} />
        <Skeleton height={36} />
      </Stack>
    );
  if (tokens.isError) return <FormError error={tokens.error} />;
  const list = tokens.data.tokens;
  if (list.length === 0)
    return (
      <Text c="gray.7" data-testid="tokens-empty">
        {t("web.tokens.list.empty")}
      </Text>
    );

  return (
    <>
      <Table.ScrollContainer minWidth={640}>
        <Table striped verticalSpacing="sm" data-testid="token-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t("web.tokens.col.name")}</Table.Th>
              <Table.Th scope="col">{t("web.tokens.col.scope")}</Table.Th>
              <Table.Th scope="col">{t("web.tokens.col.created")}</Table.Th>
              <Table.Th scope="col">{t("web.tokens.col.last_used")}</Table.Th>
              <Table.Th scope="col">{t("web.tokens.col.status")}</Table.Th>
              <Table.Th scope="col">{t("web.tokens.col.actions")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.map((token) => (
              <Table.Tr key={token.id} data-testid="token-row">
                <Table.Th scope="row" fw={500}>
                  {token.name}
                </Table.Th>
                <Table.Td>{t(`web.tokens.scope.${token.scope}`)}</Table.Td>
                <Table.Td>{when(token.createdAt)}</Table.Td>
                <Table.Td>{when(token.lastUsedAt)}</Table.Td>
                <Table.Td>
                  {token.revokedAt ? (
                    <Badge color="gray.7" variant="light">
                      {t("web.tokens.revoked_on", { date: when(token.revokedAt) })}
                    </Badge>
                  ) : (
                    <Badge color="green.9" variant="light">
                      {t("web.tokens.active")}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>
                  {!token.revokedAt && (
                    <Button
                      size="compact-sm"
                      variant="light"
                      color="red.9"
                      aria-label={t("web.tokens.revoke_label", { name: token.name })}
                      onClick={() => setRevoking(token)}
                    >
                      {t("web.tokens.revoke")}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <RevokeModal token={revoking} onClose={() => setRevoking(null)} />
    </>
  );
}

function RevokeModal({ token, onClose }: { token: ApiToken | null; onClose(): void }) {
  const { t } = useLanguage();
  const notify = useNotify();
  const api = useAccountApi();
  const client = useQueryClient();
  const revoke = useMutation({
    mutationFn: (target: ApiToken) => api.revokeToken(target.id),
    onSuccess: (_, target) => {
      client.invalidateQueries({ queryKey: tokensKey });
      notify.success(t("web.tokens.revoked", { name: target.name }));
      onClose();
    },
    onError: (error) => notify.failure(errorMessage(error, t)),
  });
  return (
    <Modal
      opened={token !== null}
      onClose={() => {
        revoke.reset();
        onClose();
      }}
      title={t("web.tokens.revoke.title")}
      closeButtonProps={{ "aria-label": t("web.close") }}
    >
      {token && (
        <Stack>
          <Alert color="red" variant="light">
            {t("web.tokens.revoke.text", { name: token.name })}
          </Alert>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} disabled={revoke.isPending}>
              {t("web.cancel")}
            </Button>
            <Button color="red.9" loading={revoke.isPending} onClick={() => revoke.mutate(token)}>
              {t("web.tokens.revoke.confirm")}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
