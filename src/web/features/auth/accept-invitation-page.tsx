import { Button, Loader, Stack, Text } from "@mantine/core";
import { useEffect, useRef, useState } from "react";
import { Link, useLocation, useNavigate } from "react-router";
import { isApiError } from "../../api/client.js";
import { planKeys } from "../../api/plan-keys.js";
import { usePlansApi } from "../../api/use-plans-api.js";
import { useLanguage } from "../../language.js";
import { nextPath } from "../../navigation.js";
import { useQueryClient } from "../../session.js";
import { FormError, NarrowPage } from "../../ui/page.js";

/**
 * `/invitations/accept?token=…&next=/plans/{id}`, reached signed in from an invitation link: joins
 * the plan with the link's token, then opens it. A link used before still opens the plan when the
 * account is already a member; any other refusal (withdrawn, another address) is said plainly.
 */
export function AcceptInvitationPage() {
  const { t } = useLanguage();
  const api = usePlansApi();
  const client = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const [error, setError] = useState<unknown>(null);
  const started = useRef(false);

  // biome-ignore lint/correctness/useExhaustiveDependencies: accept once, for the link the page was opened with.
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    const token = new URLSearchParams(location.search).get("token") ?? "";
    const next = nextPath(location.search);
    const planId = /^\/plans\/([^/?#]+)$/.exec(next)?.[1];
    const accept = async () => {
      try {
        await api.members.acceptInvitation(token);
      } catch (failure) {
        const used = isApiError(failure, "invitation_invalid") && planId !== undefined;
        if (!used || !(await api.plans.access(decodeURIComponent(planId)).then(Boolean, () => false))) {
          setError(failure);
          return;
        }
      }
      void client.invalidateQueries({ queryKey: planKeys.lists });
      navigate(next, { replace: true });
    };
    void accept();
  }, []);

  if (!error) {
    return (
      <NarrowPage title={t("web.invitation.title")}>
        <Stack align="center" gap="sm" role="status" aria-live="polite">
          <Loader aria-hidden="true" />
          <Text>{t("web.invitation.joining")}</Text>
        </Stack>
      </NarrowPage>
    );
  }
  return (
    <NarrowPage title={t("web.invitation.failed")}>
      <Stack>
        <FormError error={error} />
        <Button component={Link} to="/plans" w="fit-content">
          {t("web.invitation.to_plans")}
        </Button>
      </Stack>
    </NarrowPage>
  );
}
