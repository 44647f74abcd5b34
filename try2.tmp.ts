import { importDocument } from "./src/formats/import-document.ts";
import { exportDcs } from "./src/formats/rda-dcs/export-dcs.ts";
import { translate } from "./src/i18n/translate.ts";
import { dmphubCompleteDmp } from "./test/support/format-fixtures.ts";

const doc = dmphubCompleteDmp();
console.log(JSON.stringify(doc).slice(0, 3000));
const r = importDocument(JSON.stringify(doc));
if (!r.ok) console.log(translate("en", r.problem.key, r.problem.params), r.problem.problems);
else {
  for (const e of r.report.entries) console.log(e.kind, e.path, translate("en", e.key, e.params));
  if (r.value.format === "rda-dcs") {
    const e = exportDcs(r.value.dcs, "1.2");
    console.log(e.ok ? JSON.stringify(e.value).slice(0, 600) : e.problem);
  }
}
