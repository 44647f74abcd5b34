import { Box, Button, Group, Loader, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useLanguage } from "../language.js";

interface Health {
  database: string;
  version: string;
}

async function fetchHealth(): Promise<Health | "down"> {
  const response = await fetch("/healthz", { headers: { accept: "application/json" } });
  if (!response.ok) return "down";
  return (await response.json()) as Health;
}

/** One line in the footer saying whether the server and its database answer. */
export function ServerStatus() {
  const { t } = useLanguage();
  const health = useQuery({ queryKey: ["health"], queryFn: fetchHealth, retry: false, staleTime: 60_000 });
  if (health.isPending)
    return (
      <Group gap="xs">
        <Loader size="xs" aria-hidden="true" />
        <Text size="sm">{t("web.health.checking")}</Text>
      </Group>
    );
  const ok = health.data && health.data !== "down" ? health.data : undefined;
  return (
    <Group gap="xs" data-testid="health">
      <Box
        component="span"
        aria-hidden="true"
        w={8}
        h={8}
        bg={ok ? "green.7" : "red.7"}
        style={{ borderRadius: "50%" }}
      />
      <Text size="sm" c={ok ? "gray.8" : "red.9"}>
        {ok
          ? t("web.health.ok", { database: ok.database, version: ok.version })
          : t(health.isError ? "web.health.unreachable" : "web.health.down")}
      </Text>
      {!ok && (
        <Button variant="subtle" size="compact-sm" onClick={() => health.refetch()}>
          {t("web.retry")}
        </Button>
      )}
    </Group>
  );
}
