import { Button, Card, Group, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { Link } from "react-router";
import { useLanguage } from "../../language.js";
import { useSession } from "../../session.js";
import { useDocumentTitle } from "../../ui/page.js";

const features = [
  ["web.landing.f1.title", "web.landing.f1.text"],
  ["web.landing.f2.title", "web.landing.f2.text"],
  ["web.landing.f3.title", "web.landing.f3.text"],
] as const;

/** The public home page: what Carnet is, and the way in. */
export function LandingPage() {
  const { t } = useLanguage();
  const { account } = useSession();
  useDocumentTitle(t("app.name"));
  return (
    <Stack gap={48}>
      <Stack gap="lg" maw={760} component="section" aria-labelledby="landing-title">
        <Title order={1} id="landing-title" fz={{ base: 28, sm: 40 }} lh={1.2}>
          {t("web.landing.title")}
        </Title>
        <Text size="lg" c="gray.8">
          {t("web.landing.lead")}
        </Text>
        {account ? (
          <Group>
            <Text fw={500}>{t("web.landing.welcome_back", { name: account.displayName })}</Text>
            <Button component={Link} to="/plans" size="md">
              {t("web.landing.open_plans")}
            </Button>
          </Group>
        ) : (
          <Group>
            <Button component={Link} to="/sign-up" size="md">
              {t("web.landing.start")}
            </Button>
            <Button component={Link} to="/sign-in" size="md" variant="default">
              {t("web.landing.sign_in")}
            </Button>
          </Group>
        )}
      </Stack>
      <section aria-labelledby="landing-features">
        <Title order={2} id="landing-features" size="h3" mb="md">
          {t("web.landing.features")}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="lg">
          {features.map(([title, text]) => (
            <Card key={title} withBorder radius="md" padding="lg">
              <Title order={3} size="h4" mb="xs">
                {t(title)}
              </Title>
              <Text c="gray.8">{t(text)}</Text>
            </Card>
          ))}
        </SimpleGrid>
      </section>
    </Stack>
  );
}
