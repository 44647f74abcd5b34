import { PasswordInput, type PasswordInputProps } from "@mantine/core";
import { useLanguage } from "../language.js";

/**
 * Mantine's password input with its show/hide button named in the interface language, and
 * `aria-invalid` on the input itself (Mantine only marks it with a data attribute).
 */
export function PasswordField(props: PasswordInputProps) {
  const { t } = useLanguage();
  return (
    <PasswordInput
      visibilityToggleButtonProps={{ "aria-label": t("web.password.toggle") }}
      aria-invalid={props.error ? true : undefined}
      {...props}
    />
  );
}
