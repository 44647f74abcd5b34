import { Alert, Anchor, Button, Stack, TextInput } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { Link } from "react-router";
import { passwordResetRequestSchema } from "../../../contract/accounts.js";
import { useAccountApi } from "../../api/use-api.js";
import { useLanguage } from "../../language.js";
import { validateWith } from "../../ui/errors.js";
import { FormError, NarrowPage } from "../../ui/page.js";
import { useFormState } from "../../ui/use-form-state.js";

/** Ask for a password reset link by e-mail. */
export function ForgotPasswordPage() {
  const { t } = useLanguage();
  const api = useAccountApi();
  const form = useFormState({ email: "" });
  const request = useMutation({ mutationFn: (email: string) => api.requestPasswordReset(email) });

  function submit(event: FormEvent) {
    event.preventDefault();
    // The server accepts any non-empty string; check the shape here so typos are caught early.
    const errors = {
      ...validateWith(passwordResetRequestSchema, form.values, t),
      ...(form.values.email.trim() && !form.values.email.includes("@")
        ? { email: t("web.validation.email") }
        : {}),
    };
    form.setErrors(errors);
    if (Object.keys(errors).length === 0) request.mutate(form.values.email.trim());
  }

  return (
    <NarrowPage title={t("web.forgot.title")} lead={t("web.forgot.lead")}>
      {request.isSuccess ? (
        <Stack>
          <Alert color="green" role="status" data-testid="reset-requested">
            {t("web.forgot.sent", { email: request.variables })}
          </Alert>
          <Anchor component={Link} to="/sign-in">
            {t("web.forgot.back")}
          </Anchor>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack>
            <FormError error={request.error} />
            <TextInput
              label={t("web.field.email")}
              type="email"
              autoComplete="email"
              required
              {...form.field("email")}
            />
            <Button type="submit" loading={request.isPending}>
              {t("web.forgot.submit")}
            </Button>
            <Anchor component={Link} to="/sign-in" size="sm">
              {t("web.forgot.back")}
            </Anchor>
          </Stack>
        </form>
      )}
    </NarrowPage>
  );
}
