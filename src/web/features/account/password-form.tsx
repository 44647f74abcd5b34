import { Button, Group, Stack } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { type PasswordChangeInput, passwordChangeSchema } from "../../../contract/accounts.js";
import { useAccountApi } from "../../api/use-api.js";
import { useLanguage } from "../../language.js";
import { type FieldErrors, serverFieldErrors, validateWith } from "../../ui/errors.js";
import { useNotify } from "../../ui/notify.js";
import { FormError } from "../../ui/page.js";
import { PasswordField } from "../../ui/password-field.js";
import { useFormState } from "../../ui/use-form-state.js";

const empty = { currentPassword: "", newPassword: "", confirm: "" };

/** Change the password, typing the current one; other sessions end. */
export function PasswordForm() {
  const { t } = useLanguage();
  const notify = useNotify();
  const api = useAccountApi();
  const form = useFormState(empty);
  const change = useMutation({
    mutationFn: (input: PasswordChangeInput) => api.changePassword(input),
    onSuccess: () => {
      form.setValues(empty);
      notify.success(t("web.account.password.done"));
    },
    onError: (error) => form.setErrors(serverFieldErrors(error, t)),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const errors: FieldErrors = validateWith(passwordChangeSchema, form.values, t);
    if (!errors.newPassword && form.values.confirm !== form.values.newPassword)
      errors.confirm = t("web.validation.mismatch");
    form.setErrors(errors);
    if (Object.keys(errors).length === 0)
      change.mutate({ currentPassword: form.values.currentPassword, newPassword: form.values.newPassword });
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <FormError error={change.error} />
        <PasswordField
          label={t("web.field.current_password")}
          autoComplete="current-password"
          required
          {...form.field("currentPassword")}
        />
        <PasswordField
          label={t("web.field.new_password")}
          description={t("web.field.password_hint")}
          autoComplete="new-password"
          required
          {...form.field("newPassword")}
        />
        <PasswordField
          label={t("web.field.confirm_password")}
          autoComplete="new-password"
          required
          {...form.field("confirm")}
        />
        <Group>
          <Button type="submit" loading={change.isPending}>
            {t("web.account.password.submit")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
