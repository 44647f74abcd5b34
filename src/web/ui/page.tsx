import { Alert, Center, Container, Loader, Paper, Stack, Text, Title, VisuallyHidden } from "@mantine/core";
import { type ReactNode, useEffect } from "react";
import { useLanguage } from "../language.js";
import { errorMessage } from "./errors.js";

/** Set the document title to "`page` · Carnet" while mounted. */
export function useDocumentTitle(page: string): void {
  const { t } = useLanguage();
  useEffect(() => {
    document.title = t("web.page_title", { page });
  }, [page, t]);
}

/** The page's one `h1`, which also names the browser tab. */
export function PageTitle({ children, lead }: { children: string; lead?: ReactNode }) {
  useDocumentTitle(children);
  return (
    <Stack gap="xs" mb="lg">
      <Title order={1}>{children}</Title>
      {lead && (
        <Text c="gray.7" maw={720}>
          {lead}
        </Text>
      )}
    </Stack>
  );
}

/** A spinner for a page or a section that is loading, announced to screen readers. */
export function PageLoader() {
  const { t } = useLanguage();
  return (
    <Center py="xl" role="status" aria-live="polite">
      <Loader aria-hidden="true" />
      <VisuallyHidden>{t("web.loading")}</VisuallyHidden>
    </Center>
  );
}

/** The error of a failed request, as an alert read out when it appears. */
export function FormError({ error }: { error: unknown }) {
  const { t } = useLanguage();
  if (!error) return null;
  return (
    <Alert color="red" role="alert" data-testid="form-error" variant="light">
      {errorMessage(error, t)}
    </Alert>
  );
}

/** A narrow centred card, for the sign-in, sign-up and password pages. */
export function NarrowPage({
  title,
  lead,
  children,
}: {
  title: string;
  lead?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Container size={460} px={0}>
      <Paper withBorder radius="md" p="xl" shadow="xs">
        <PageTitle lead={lead}>{title}</PageTitle>
        {children}
      </Paper>
    </Container>
  );
}
