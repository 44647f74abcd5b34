import { useMemo } from "react";
import { useLanguage } from "../language.js";
import { commentsApi } from "./comments.js";
import { filesApi } from "./exports.js";
import { historyApi } from "./history.js";
import { membersApi } from "./members.js";
import { planListApi } from "./plan-list.js";

/** The plan APIs bound to the current interface language (errors and labels come back in it). */
export function usePlansApi() {
  const { lang } = useLanguage();
  return useMemo(
    () => ({
      plans: planListApi(lang),
      members: membersApi(lang),
      comments: commentsApi(lang),
      history: historyApi(lang),
      files: filesApi(lang),
    }),
    [lang],
  );
}

export type PlansApi = ReturnType<typeof usePlansApi>;
