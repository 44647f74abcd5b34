import { useCallback, useState } from "react";
import type { FieldErrors } from "./errors.js";

/** Values and field errors of a small form; editing a field clears its error. */
export function useFormState<T extends Record<string, string>>(initial: T) {
  const [values, setValues] = useState<T>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const field = useCallback(
    (name: keyof T & string) => ({
      value: values[name],
      error: errors[name],
      onChange: (event: { currentTarget: { value: string } }) => {
        const value = event.currentTarget.value;
        setValues((current) => ({ ...current, [name]: value }));
        setErrors((current) => (current[name] === undefined ? current : { ...current, [name]: undefined }));
      },
    }),
    [values, errors],
  );
  return { values, setValues, errors, setErrors, field };
}
