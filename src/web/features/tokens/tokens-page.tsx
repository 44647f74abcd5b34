import { Paper, Title } from "@mantine/core";
import { useState } from "react";
import type { ApiTokenCreated } from "../../api/account.js";
import { useLanguage } from "../../language.js";
import { PageTitle } from "../../ui/page.js";
import { CreateTokenForm } from "./create-token-form.js";
import { CreatedTokenModal } from "./created-token-modal.js";
import { TokenList } from "./token-list.js";

/** Personal API tokens: create (secret shown once), list, revoke. */
export function TokensPage() {
  const { t } = useLanguage();
  const [created, setCreated] = useState<ApiTokenCreated | null>(null);
  return (
    <>
      <PageTitle lead={t("web.tokens.lead")}>{t("web.tokens.title")}</PageTitle>
      <Paper withBorder radius="md" p="lg" mb="xl" component="section" aria-labelledby="new-token-title">
        <Title order={2} size="h3" id="new-token-title" mb="md">
          {t("web.tokens.create.title")}
        </Title>
        <CreateTokenForm onCreated={setCreated} />
      </Paper>
      <section aria-labelledby="token-list-title">
        <Title order={2} size="h3" id="token-list-title" mb="md">
          {t("web.tokens.list.title")}
        </Title>
        <TokenList />
      </section>
      <CreatedTokenModal created={created} onClose={() => setCreated(null)} />
    </>
  );
}
