import { Alert, Button, Stack } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { Link, useNavigate, useSearchParams } from "react-router";
import { type PasswordResetCompleteInput, passwordResetCompleteSchema } from "../../../contract/accounts.js";
import { isApiError } from "../../api/client.js";
import { useAccountApi } from "../../api/use-api.js";
import { useLanguage } from "../../language.js";
import { clearSession, useQueryClient } from "../../session.js";
import { type FieldErrors, validateWith } from "../../ui/errors.js";
import { useNotify } from "../../ui/notify.js";
import { FormError, NarrowPage } from "../../ui/page.js";
import { PasswordField } from "../../ui/password-field.js";
import { useFormState } from "../../ui/use-form-state.js";

/** Choose a new password from the e-mailed link `/reset-password?token=…`. */
export function ResetPasswordPage() {
  const { t } = useLanguage();
  const notify = useNotify();
  const api = useAccountApi();
  const client = useQueryClient();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const token = params.get("token") ?? "";
  const form = useFormState({ password: "", confirm: "" });
  const complete = useMutation({
    mutationFn: (input: PasswordResetCompleteInput) => api.completePasswordReset(input),
    onSuccess: () => {
      // Every session of the account ended, this browser's included.
      clearSession(client);
      notify.success(t("web.reset.done"));
      navigate("/sign-in", { replace: true });
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const errors: FieldErrors = validateWith(passwordResetCompleteSchema, { token, ...form.values }, t);
    if (!errors.password && form.values.confirm !== form.values.password)
      errors.confirm = t("web.validation.mismatch");
    form.setErrors(errors);
    if (Object.keys(errors).length === 0) complete.mutate({ token, password: form.values.password });
  }

  const tokenRejected = isApiError(complete.error, "reset_token_invalid");
  return (
    <NarrowPage title={t("web.reset.title")} lead={token ? t("web.reset.lead") : undefined}>
      {!token || tokenRejected ? (
        <Stack>
          <Alert color="red" role="alert" data-testid="form-error">
            {tokenRejected ? complete.error?.message : t("web.reset.no_token")}
          </Alert>
          <Button component={Link} to="/forgot-password" variant="light" w="fit-content">
            {t("web.reset.ask_again")}
          </Button>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack>
            <FormError error={complete.error} />
            <PasswordField
              label={t("web.field.new_password")}
              description={t("web.field.password_hint")}
              autoComplete="new-password"
              required
              {...form.field("password")}
            />
            <PasswordField
              label={t("web.field.confirm_password")}
              autoComplete="new-password"
              required
              {...form.field("confirm")}
            />
            <Button type="submit" loading={complete.isPending}>
              {t("web.reset.submit")}
            </Button>
          </Stack>
        </form>
      )}
    </NarrowPage>
  );
}
