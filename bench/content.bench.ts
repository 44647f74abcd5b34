// Built-in content: cold load + parse of data/ (first call in a fresh process), warm re-reads, and
// vocabulary lookups per second (label of a code, and alias → code as imports do).
import { join } from "node:path";
import { codeFromName, vocabularyLabel } from "../src/domain/vocabulary-lookup.js";
import { loadBuiltinContent, readBuiltinContent } from "../src/services/builtin-content.js";
import { packageRoot } from "../src/shared/package-info.js";

const rows: [string, string][] = [];
const ms = (value: number) => `${value.toFixed(1)} ms`;
const perSecond = (count: number, elapsed: number) =>
  `${Math.round((count / elapsed) * 1000).toLocaleString("en")} /s`;

let start = performance.now();
const content = loadBuiltinContent();
rows.push(["load + parse all content (cold, first call)", ms(performance.now() - start)]);

const runs = 5;
start = performance.now();
for (let i = 0; i < runs; i++) readBuiltinContent(join(packageRoot, "data"));
rows.push([`load + parse all content (warm, mean of ${runs})`, ms((performance.now() - start) / runs)]);

const languages = content.vocabularies.get("iso-639-3")!.items.map((item) => item.code);
const roles = content.vocabularies.get("contributor-roles")!.items;
const lookups = 1_000_000;
vocabularyLabel(content.vocabularies, "iso-639-3", "fra", "fr"); // builds the index once
start = performance.now();
let found = 0;
for (let i = 0; i < lookups; i++) {
  const code = languages[(i * 7919) % languages.length]!;
  if (vocabularyLabel(content.vocabularies, "iso-639-3", code, i % 2 ? "fr" : "en")) found++;
}
rows.push([
  `label of a code (iso-639-3, ${languages.length} items)`,
  perSecond(lookups, performance.now() - start),
]);

const names = roles.flatMap((item) => [item.label.fr ?? "", ...(item.aliases ?? [])]);
start = performance.now();
for (let i = 0; i < lookups; i++) {
  if (codeFromName(content.vocabularies, "contributor-roles", names[i % names.length]!)) found++;
}
rows.push([`label/alias → code (contributor-roles)`, perSecond(lookups, performance.now() - start)]);
if (found !== 2 * lookups) throw new Error(`lookups missed codes (${2 * lookups - found})`);

const width = Math.max(...rows.map(([name]) => name.length));
console.log(`templates: ${content.templates.size}, vocabularies: ${content.vocabularies.size}`);
for (const [name, value] of rows) console.log(`${name.padEnd(width)}  ${value.padStart(14)}`);
