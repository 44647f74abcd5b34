import { accountsEn } from "./catalogues/accounts.js";
import { contentEn } from "./catalogues/content.js";
import { coreEn } from "./catalogues/core.js";
import { exportsEn } from "./catalogues/exports.js";
import { formatsEn } from "./catalogues/formats.js";
import { liveEn } from "./catalogues/live.js";
import { lookupsEn } from "./catalogues/lookups.js";
import { modelEn } from "./catalogues/model.js";
import { sharingEn } from "./catalogues/sharing.js";
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
  ...lookupsEn,
  ...formatsEn,
  ...sharingEn,
  ...liveEn,
} as const;

export type MessageKey = keyof typeof en;
