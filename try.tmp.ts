import { readdirSync, readFileSync } from "node:fs";
import { importDocument } from "./src/formats/import-document.ts";
import { exportDcs } from "./src/formats/rda-dcs/export-dcs.ts";
import { translate } from "./src/i18n/translate.ts";

const base = "test/fixtures/formats/rda-dcs";
for (const v of readdirSync(base))
  for (const f of readdirSync(`${base}/${v}`)) {
    const r = importDocument(readFileSync(`${base}/${v}/${f}`, "utf8"));
    if (!r.ok) {
      console.log(
        v,
        f,
        "FAIL",
        translate("en", r.problem.key, r.problem.params),
        JSON.stringify(r.problem.problems?.slice(0, 5)),
      );
      continue;
    }
    const outs = (["1.2", "1.1", "1.0"] as const).map((ver) => {
      if (r.value.format !== "rda-dcs") return "native";
      const e = exportDcs(r.value.dcs, ver);
      return e.ok
        ? "ok"
        : translate("en", e.problem.key, e.problem.params) + JSON.stringify(e.problem.problems?.slice(0, 3));
    });
    console.log(
      v,
      f,
      r.report.entries.length,
      "entries;",
      r.report.count("repair"),
      "repairs",
      r.report.count("kept"),
      "kept",
      outs.join(" | "),
    );
    if (process.argv[2] && f.includes(process.argv[2]))
      for (const e of r.report.entries) console.log("   ", e.kind, e.path, translate("en", e.key, e.params));
  }
