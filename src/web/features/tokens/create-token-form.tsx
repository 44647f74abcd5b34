import { Button, Group, Radio, Stack, TextInput } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { apiTokenCreateSchema } from "../../../contract/accounts.js";
import type { ApiTokenCreated } from "../../api/account.js";
import { useAccountApi } from "../../api/use-api.js";
import { useLanguage } from "../../language.js";
import { useQueryClient } from "../../session.js";
import { serverFieldErrors, validateWith } from "../../ui/errors.js";
import { useNotify } from "../../ui/notify.js";
import { FormError } from "../../ui/page.js";
import { useFormState } from "../../ui/use-form-state.js";
import { tokensKey } from "./token-queries.js";

const initial = { name: "", scope: "read" };

/** Name and scope of a new token; hands the created token (with its secret) to `onCreated`. */
export function CreateTokenForm({ onCreated }: { onCreated(created: ApiTokenCreated): void }) {
  const { t } = useLanguage();
  const notify = useNotify();
  const api = useAccountApi();
  const client = useQueryClient();
  const form = useFormState(initial);
  const create = useMutation({
    mutationFn: (input: { name: string; scope: "read" | "read-write" }) => api.createToken(input),
    onSuccess: (created) => {
      form.setValues(initial);
      client.invalidateQueries({ queryKey: tokensKey });
      notify.success(t("web.tokens.created.title"));
      onCreated(created);
    },
    onError: (error) => form.setErrors(serverFieldErrors(error, t)),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const errors = validateWith(apiTokenCreateSchema, form.values, t);
    form.setErrors(errors);
    if (Object.keys(errors).length > 0) return;
    create.mutate({
      name: form.values.name.trim(),
      scope: form.values.scope === "read-write" ? "read-write" : "read",
    });
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack maw={560}>
        <FormError error={create.error} />
        <TextInput
          label={t("web.tokens.field.name")}
          description={t("web.tokens.field.name_hint")}
          required
          maxLength={100}
          {...form.field("name")}
        />
        <Radio.Group
          label={t("web.tokens.field.scope")}
          value={form.values.scope}
          onChange={(scope) => form.setValues((values) => ({ ...values, scope }))}
        >
          <Stack gap="xs" mt="xs">
            <Radio
              value="read"
              label={t("web.tokens.scope.read")}
              description={t("web.tokens.scope.read_hint")}
            />
            <Radio
              value="read-write"
              label={t("web.tokens.scope.read-write")}
              description={t("web.tokens.scope.read-write_hint")}
            />
          </Stack>
        </Radio.Group>
        <Group>
          <Button type="submit" loading={create.isPending}>
            {t("web.tokens.create.submit")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
