import { Button, Group, NativeSelect, Stack, TextInput } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { type Account, type AccountPatch, accountPatchSchema } from "../../../contract/accounts.js";
import { useAccountApi } from "../../api/use-api.js";
import { useLanguage } from "../../language.js";
import { setSessionAccount, useQueryClient } from "../../session.js";
import { serverFieldErrors, validateWith } from "../../ui/errors.js";
import { useNotify } from "../../ui/notify.js";
import { FormError } from "../../ui/page.js";
import { useFormState } from "../../ui/use-form-state.js";

/** Display name and preferred language; saving a language also switches the interface to it. */
export function ProfileForm({ account }: { account: Account }) {
  const { t, setLang } = useLanguage();
  const notify = useNotify();
  const api = useAccountApi();
  const client = useQueryClient();
  const form = useFormState({
    displayName: account.displayName,
    preferredLanguage: account.preferredLanguage as string,
  });
  const save = useMutation({
    mutationFn: (patch: AccountPatch) => api.updateAccount(patch),
    onSuccess: (saved) => {
      setLang(saved.preferredLanguage);
      setSessionAccount(client, saved);
      notify.success(t("web.account.saved"));
    },
    onError: (error) => form.setErrors(serverFieldErrors(error, t)),
  });
  const unchanged =
    form.values.displayName === account.displayName &&
    form.values.preferredLanguage === account.preferredLanguage;

  function submit(event: FormEvent) {
    event.preventDefault();
    const errors = validateWith(accountPatchSchema, form.values, t);
    form.setErrors(errors);
    if (Object.keys(errors).length > 0) return;
    const language = form.values.preferredLanguage === "fr" ? "fr" : "en";
    save.mutate({ displayName: form.values.displayName.trim(), preferredLanguage: language });
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <FormError error={save.error} />
        <TextInput
          label={t("web.field.display_name")}
          description={t("web.field.display_name_hint")}
          autoComplete="name"
          required
          {...form.field("displayName")}
        />
        <NativeSelect
          label={t("web.field.language")}
          description={t("web.field.language_hint")}
          data={[
            { value: "en", label: t("web.language.en") },
            { value: "fr", label: t("web.language.fr") },
          ]}
          {...form.field("preferredLanguage")}
        />
        <Group>
          <Button type="submit" loading={save.isPending} disabled={unchanged}>
            {t("web.account.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
