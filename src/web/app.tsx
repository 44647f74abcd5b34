import {
  Alert,
  AppShell,
  Button,
  Container,
  Group,
  Loader,
  SegmentedControl,
  Text,
  Title,
} from "@mantine/core";
import { useCallback, useEffect, useState } from "react";
import { useLanguage } from "./language.js";

type Health =
  | { state: "checking" }
  | { state: "ok"; database: string; version: string }
  | { state: "down" }
  | { state: "unreachable" };

function useHealth(): [Health, () => void] {
  const [health, setHealth] = useState<Health>({ state: "checking" });
  const check = useCallback(() => {
    setHealth({ state: "checking" });
    fetch("/healthz", { headers: { accept: "application/json" } })
      .then(async (response) => {
        const body = (await response.json()) as { database: string; version: string };
        setHealth(response.ok ? { state: "ok", ...body } : { state: "down" });
      })
      .catch(() => setHealth({ state: "unreachable" }));
  }, []);
  useEffect(check, [check]);
  return [health, check];
}

/** The application shell; screens are added inside it by the web-app work. */
export function App() {
  const { lang, setLang, t } = useLanguage();
  const [health, retry] = useHealth();
  return (
    <AppShell header={{ height: 56 }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Title order={1} size="h3">
            {t("app.name")}
          </Title>
          <SegmentedControl
            aria-label={t("web.language")}
            value={lang}
            onChange={(value) => setLang(value === "fr" ? "fr" : "en")}
            data={[
              { value: "en", label: "English" },
              { value: "fr", label: "Français" },
            ]}
          />
        </Group>
      </AppShell.Header>
      <AppShell.Main>
        <Container size="md">
          <Text size="lg" mb="lg">
            {t("app.tagline")}
          </Text>
          {health.state === "checking" && (
            <Group gap="xs">
              <Loader size="sm" />
              <Text>{t("web.health.checking")}</Text>
            </Group>
          )}
          {health.state === "ok" && (
            <Alert color="green" data-testid="health">
              {t("web.health.ok", { database: health.database, version: health.version })}
            </Alert>
          )}
          {(health.state === "down" || health.state === "unreachable") && (
            <Alert color="red" data-testid="health">
              {t(health.state === "down" ? "web.health.down" : "web.health.unreachable")}
              <Button variant="light" size="xs" ml="md" onClick={retry}>
                {t("web.retry")}
              </Button>
            </Alert>
          )}
        </Container>
      </AppShell.Main>
    </AppShell>
  );
}
