import { Grid, Paper, Stack, Text, TextInput, Title } from "@mantine/core";
import type { Account } from "../../../contract/accounts.js";
import { useLanguage } from "../../language.js";
import { useSession } from "../../session.js";
import { PageLoader, PageTitle } from "../../ui/page.js";
import { PasswordForm } from "./password-form.js";
import { ProfileForm } from "./profile-form.js";

/** The signed-in user's account: profile, preferred language, password. */
export function AccountPage() {
  const { t } = useLanguage();
  const { account } = useSession();
  if (!account) return <PageLoader />;
  return (
    <>
      <PageTitle>{t("web.account.title")}</PageTitle>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Section title={t("web.account.profile")} id="profile-title">
            <Stack>
              <TextInput label={t("web.field.email")} value={account.email} readOnly />
              <Text size="sm" c="gray.7" mt={-8}>
                {t("web.account.email_note")}
              </Text>
              <ProfileForm account={account} key={accountKey(account)} />
            </Stack>
          </Section>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Section
            title={t("web.account.password.title")}
            id="password-title"
            lead={t("web.account.password.lead")}
          >
            <PasswordForm />
          </Section>
        </Grid.Col>
      </Grid>
    </>
  );
}

// Remount the profile form when the saved values change, so that it starts from them.
function accountKey(account: Account): string {
  return `${account.displayName}\u0000${account.preferredLanguage}`;
}

function Section(props: { title: string; id: string; lead?: string; children: React.ReactNode }) {
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby={props.id} h="100%">
      <Title order={2} size="h3" id={props.id} mb={props.lead ? 4 : "md"}>
        {props.title}
      </Title>
      {props.lead && (
        <Text size="sm" c="gray.7" mb="md">
          {props.lead}
        </Text>
      )}
      {props.children}
    </Paper>
  );
}
