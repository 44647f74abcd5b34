import { Alert, Anchor, Button, Stack, Text, TextInput } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { Link, useLocation, useNavigate } from "react-router";
import { type RegisterInput, registerBodySchema } from "../../../contract/accounts.js";
import { isApiError } from "../../api/client.js";
import { useAccountApi } from "../../api/use-api.js";
import { useLanguage } from "../../language.js";
import { afterSignIn, emailFrom, invitationFrom } from "../../navigation.js";
import { setSessionAccount, useQueryClient } from "../../session.js";
import { serverFieldErrors, validateWith } from "../../ui/errors.js";
import { useNotify } from "../../ui/notify.js";
import { FormError, NarrowPage } from "../../ui/page.js";
import { PasswordField } from "../../ui/password-field.js";
import { useFormState } from "../../ui/use-form-state.js";

/** Create an account (in the current interface language) and sign in. */
export function SignUpPage() {
  const { t, lang } = useLanguage();
  const notify = useNotify();
  const api = useAccountApi();
  const client = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  // An invitation link fills in the address the invitation was sent to; its token joins the plan
  // once the account exists (afterSignIn).
  const invitation = invitationFrom(location.search);
  const form = useFormState({ displayName: "", email: emailFrom(location.search), password: "" });
  const register = useMutation({
    mutationFn: (input: RegisterInput) => api.register(input),
    onSuccess: ({ account }) => {
      setSessionAccount(client, account);
      notify.success(t("web.sign_up.welcome", { name: account.displayName }));
      navigate(afterSignIn(location.search), { replace: true });
    },
    onError: (error) => {
      form.setErrors(serverFieldErrors(error, t));
      if (isApiError(error, "email_taken")) form.setErrors({ email: error.message });
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const input = { ...form.values, preferredLanguage: lang };
    const errors = validateWith(registerBodySchema, input, t);
    form.setErrors(errors);
    if (Object.keys(errors).length === 0) register.mutate(input);
  }

  return (
    <NarrowPage title={t("web.sign_up.title")}>
      <form onSubmit={submit} noValidate>
        <Stack>
          {invitation && (
            <Alert
              color="indigo"
              variant="light"
              title={t("web.invitation.title")}
              data-testid="invitation-notice"
            >
              <Text size="sm">{t("web.invitation.sign_up", { email: invitation.email })}</Text>
              <Text size="sm" mt={4}>
                {t("web.invitation.have_account")}{" "}
                <Anchor component={Link} to={`/sign-in${location.search}`} c="indigo.9" underline="always">
                  {t("web.invitation.sign_in")}
                </Anchor>
              </Text>
            </Alert>
          )}
          <FormError error={register.error} />
          <TextInput
            label={t("web.field.display_name")}
            description={t("web.field.display_name_hint")}
            autoComplete="name"
            required
            {...form.field("displayName")}
          />
          <TextInput
            label={t("web.field.email")}
            type="email"
            autoComplete="email"
            required
            {...form.field("email")}
          />
          <PasswordField
            label={t("web.field.password")}
            description={t("web.field.password_hint")}
            autoComplete="new-password"
            required
            {...form.field("password")}
          />
          <Button type="submit" loading={register.isPending} mt="xs">
            {t("web.sign_up.submit")}
          </Button>
          <Text size="sm">
            {t("web.sign_up.have_account")}{" "}
            <Anchor component={Link} to={`/sign-in${location.search}`}>
              {t("web.nav.sign_in")}
            </Anchor>
          </Text>
        </Stack>
      </form>
    </NarrowPage>
  );
}
