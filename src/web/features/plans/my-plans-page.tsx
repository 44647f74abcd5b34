import { Anchor, Paper, Stack, Text, Title } from "@mantine/core";
import { Link } from "react-router";
import { useLanguage } from "../../language.js";
import { PageTitle } from "../../ui/page.js";

/** "My plans": a placeholder until the plan model and editor land. */
export function MyPlansPage() {
  const { t } = useLanguage();
  return (
    <>
      <PageTitle>{t("web.plans.title")}</PageTitle>
      <Paper withBorder radius="md" p="xl" data-testid="plans-placeholder">
        <Stack gap="sm" maw={640}>
          <Title order={2} size="h3">
            {t("web.plans.placeholder.title")}
          </Title>
          <Text>{t("web.plans.placeholder.text")}</Text>
          <Text>
            {t("web.plans.placeholder.meanwhile")}{" "}
            <Anchor component={Link} to="/account">
              {t("web.nav.account")}
            </Anchor>
            {" · "}
            <Anchor component={Link} to="/account/tokens">
              {t("web.nav.tokens")}
            </Anchor>
          </Text>
        </Stack>
      </Paper>
    </>
  );
}
