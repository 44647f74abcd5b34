import { accountsFr } from "./catalogues/accounts.js";
import { contentFr } from "./catalogues/content.js";
import { coreFr } from "./catalogues/core.js";
import { editorFr } from "./catalogues/editor.js";
import { exportsFr } from "./catalogues/exports.js";
import { formatsFr } from "./catalogues/formats.js";
import { interopFr } from "./catalogues/interop.js";
import { liveFr } from "./catalogues/live.js";
import { lookupsFr } from "./catalogues/lookups.js";
import { modelFr } from "./catalogues/model.js";
import { planApiFr } from "./catalogues/plan-api.js";
import { plansWebFr } from "./catalogues/plans-web.js";
import { questionsFr } from "./catalogues/questions.js";
import { sharingFr } from "./catalogues/sharing.js";
import { validationFr } from "./catalogues/validation.js";
import { webFr } from "./catalogues/web.js";
import type { MessageKey } from "./en.js";

/** Messages en français. Le compilateur exige chaque clé du catalogue anglais. */
export const fr: Record<MessageKey, string> = {
  ...coreFr,
  ...accountsFr,
  ...modelFr,
  ...contentFr,
  ...exportsFr,
  ...webFr,
  ...plansWebFr,
  ...lookupsFr,
  ...formatsFr,
  ...editorFr,
  ...questionsFr,
  ...validationFr,
  ...interopFr,
  ...sharingFr,
  ...liveFr,
  ...planApiFr,
};
