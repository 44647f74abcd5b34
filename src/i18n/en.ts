import { accountsEn } from "./catalogues/accounts.js";
import { contentEn } from "./catalogues/content.js";
import { coreEn } from "./catalogues/core.js";
import { editorEn } from "./catalogues/editor.js";
import { exportsEn } from "./catalogues/exports.js";
import { formatsEn } from "./catalogues/formats.js";
import { interopEn } from "./catalogues/interop.js";
import { liveEn } from "./catalogues/live.js";
import { lookupsEn } from "./catalogues/lookups.js";
import { modelEn } from "./catalogues/model.js";
import { planApiEn } from "./catalogues/plan-api.js";
import { plansWebEn } from "./catalogues/plans-web.js";
import { questionsEn } from "./catalogues/questions.js";
import { sharingEn } from "./catalogues/sharing.js";
import { validationEn } from "./catalogues/validation.js";
import { webEn } from "./catalogues/web.js";

/**
 * English messages: the source catalogue. Each area keeps its messages in `catalogues/<area>.ts`
 * as a pair `<area>En` / `<area>Fr`; add the pair here and in `fr.ts`.
 */
export const en = {
  ...coreEn,
  ...accountsEn,
  ...modelEn,
  ...contentEn,
  ...exportsEn,
  ...webEn,
  ...plansWebEn,
  ...lookupsEn,
  ...formatsEn,
  ...editorEn,
  ...questionsEn,
  ...validationEn,
  ...interopEn,
  ...sharingEn,
  ...liveEn,
  ...planApiEn,
} as const;

export type MessageKey = keyof typeof en;
