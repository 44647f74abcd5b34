import { notifications } from "@mantine/notifications";
import { useMemo } from "react";
import { useLanguage } from "../language.js";

/** Show success and failure notifications whose close button is named in the interface language. */
export function useNotify() {
  const { t } = useLanguage();
  return useMemo(() => {
    const closeButtonProps = { "aria-label": t("web.close") };
    return {
      success: (message: string) => notifications.show({ color: "green.8", message, closeButtonProps }),
      failure: (message: string) => notifications.show({ color: "red.9", message, closeButtonProps }),
    };
  }, [t]);
}
