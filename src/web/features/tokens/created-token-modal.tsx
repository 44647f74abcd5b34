import { Alert, Button, Code, CopyButton, Group, Modal, Stack, Text } from "@mantine/core";
import type { ApiTokenCreated } from "../../api/account.js";
import { useLanguage } from "../../language.js";

/** The secret of a just-created token, its only showing, with a copy button. */
export function CreatedTokenModal(props: { created: ApiTokenCreated | null; onClose(): void }) {
  const { t } = useLanguage();
  const { created } = props;
  return (
    <Modal
      opened={created !== null}
      onClose={props.onClose}
      title={t("web.tokens.created.title")}
      closeButtonProps={{ "aria-label": t("web.close") }}
      size="lg"
      // Closing by a stray click outside would lose the secret for good.
      closeOnClickOutside={false}
    >
      {created && (
        <Stack>
          <Alert color="yellow" variant="light">
            <Text size="sm">{t("web.tokens.created.text", { name: created.token.name })}</Text>
          </Alert>
          <Text size="sm" fw={500} id="token-secret-label">
            {t("web.tokens.created.secret")}
          </Text>
          <Code
            block
            className="token-secret"
            data-testid="token-secret"
            aria-labelledby="token-secret-label"
            tabIndex={0}
          >
            {created.secret}
          </Code>
          <Group justify="space-between">
            <CopyButton value={created.secret}>
              {({ copied, copy }) => (
                <Button variant="light" color={copied ? "teal.9" : undefined} onClick={copy}>
                  {copied ? t("web.tokens.copied") : t("web.tokens.copy")}
                </Button>
              )}
            </CopyButton>
            <Button onClick={props.onClose}>{t("web.tokens.created.done")}</Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
