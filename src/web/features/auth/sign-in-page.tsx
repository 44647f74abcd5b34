import { Alert, Anchor, Button, Group, Stack, Text, TextInput } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { Link, useLocation, useNavigate } from "react-router";
import { type SignInInput, signInBodySchema } from "../../../contract/accounts.js";
import { useAccountApi } from "../../api/use-api.js";
import { useLanguage } from "../../language.js";
import { afterSignIn, emailFrom, invitationFrom } from "../../navigation.js";
import { setSessionAccount, useQueryClient } from "../../session.js";
import { validateWith } from "../../ui/errors.js";
import { useNotify } from "../../ui/notify.js";
import { FormError, NarrowPage } from "../../ui/page.js";
import { PasswordField } from "../../ui/password-field.js";
import { useFormState } from "../../ui/use-form-state.js";

/** Sign in with e-mail and password, then go on to where the user was heading. */
export function SignInPage() {
  const { t } = useLanguage();
  const notify = useNotify();
  const api = useAccountApi();
  const client = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const invitation = invitationFrom(location.search);
  const form = useFormState({ email: emailFrom(location.search), password: "" });
  const signIn = useMutation({
    mutationFn: (input: SignInInput) => api.signIn(input),
    onSuccess: ({ account }) => {
      setSessionAccount(client, account);
      notify.success(t("web.sign_in.welcome", { name: account.displayName }));
      navigate(afterSignIn(location.search), { replace: true });
    },
  });
  const redirected = new URLSearchParams(location.search).has("next");

  function submit(event: FormEvent) {
    event.preventDefault();
    const errors = validateWith(signInBodySchema, form.values, t);
    form.setErrors(errors);
    if (Object.keys(errors).length === 0) signIn.mutate(form.values);
  }

  return (
    <NarrowPage title={t("web.sign_in.title")}>
      <form onSubmit={submit} noValidate>
        <Stack>
          {redirected && !signIn.error && (
            <Alert color="indigo" variant="light" data-testid={invitation ? "invitation-notice" : undefined}>
              {invitation ? t("web.invitation.sign_in_hint") : t("web.sign_in.needed")}
            </Alert>
          )}
          <FormError error={signIn.error} />
          <TextInput
            label={t("web.field.email")}
            type="email"
            autoComplete="email"
            required
            {...form.field("email")}
          />
          <PasswordField
            label={t("web.field.password")}
            autoComplete="current-password"
            required
            {...form.field("password")}
          />
          <Group justify="space-between" mt="xs">
            <Anchor component={Link} to="/forgot-password" size="sm">
              {t("web.sign_in.forgot")}
            </Anchor>
            <Button type="submit" loading={signIn.isPending}>
              {t("web.sign_in.submit")}
            </Button>
          </Group>
          <Text size="sm">
            {t("web.sign_in.no_account")}{" "}
            <Anchor component={Link} to={`/sign-up${location.search}`}>
              {t("web.sign_in.create")}
            </Anchor>
          </Text>
        </Stack>
      </form>
    </NarrowPage>
  );
}
