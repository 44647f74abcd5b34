import { Button, Stack, Text } from "@mantine/core";
import { Link } from "react-router";
import { useLanguage } from "../../language.js";
import { PageTitle } from "../../ui/page.js";

/** Any address the app does not know. */
export function NotFoundPage() {
  const { t } = useLanguage();
  return (
    <Stack align="flex-start">
      <PageTitle>{t("web.not_found.title")}</PageTitle>
      <Text>{t("web.not_found.text")}</Text>
      <Button component={Link} to="/">
        {t("web.not_found.home")}
      </Button>
    </Stack>
  );
}
