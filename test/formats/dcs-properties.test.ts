import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { planSchema } from "../../src/domain/index.js";
import type { TargetFormat } from "../../src/formats/import-document.js";
import { validateDcs } from "../../src/formats/rda-dcs/schemas.js";
import { isMessageKey, type MessageKey, translate } from "../../src/i18n/translate.js";
import { convertDocument } from "../../src/services/convert-document.js";
import { dmphubCompleteDmp, officialExamples } from "../support/format-fixtures.js";
import { revePlan } from "../support/native-plans.js";
import { reveStandard } from "../support/opidor-samples.js";

// Property: whatever we do to real DMP files, conversion never throws and never outputs an
// invalid document — it gives a valid result with a report, or a clear, translated problem.

const samples: unknown[] = [
  ...officialExamples().map((e) => JSON.parse(e.text) as unknown),
  dmphubCompleteDmp(),
  revePlan(),
  reveStandard(),
];

type Path = (string | number)[];

function paths(value: unknown, prefix: Path = [], out: Path[] = []): Path[] {
  out.push(prefix);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) paths(value[i], [...prefix, i], out);
  } else if (value && typeof value === "object") {
    for (const [key, child] of Object.entries(value)) paths(child, [...prefix, key], out);
  }
  return out;
}

function update(root: unknown, path: Path, change: (value: unknown) => unknown | typeof remove): unknown {
  if (path.length === 0) {
    const next = change(root);
    return next === remove ? null : next;
  }
  const [head, ...rest] = path;
  if (Array.isArray(root) && typeof head === "number") {
    const copy = [...root];
    const next = update(copy[head], rest, change);
    if (rest.length === 0 && change(copy[head]) === remove) copy.splice(head, 1);
    else copy[head] = next;
    return copy;
  }
  if (root && typeof root === "object" && typeof head === "string") {
    const copy: Record<string, unknown> = { ...(root as Record<string, unknown>) };
    if (rest.length === 0 && change(copy[head]) === remove) delete copy[head];
    else copy[head] = update(copy[head], rest, change);
    return copy;
  }
  return root;
}
const remove = Symbol("remove");

const replacement = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constant(1_700_000_000_000),
  fc.string({ unit: "grapheme", maxLength: 30 }),
  fc.string({ unit: "binary", maxLength: 30 }),
  fc.constantFrom(
    "",
    "EN",
    "2019-02-06 15:30:42",
    "DOI",
    "yes",
    "  https://x.org  ",
    "10.1234/abc",
    "\u0000\ud800",
  ),
  fc.constant("x".repeat(200_000)),
  fc.constant([]),
  fc.constant({}),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.nat(90).map((depth) => {
    let nested: unknown = "deep";
    for (let i = 0; i < depth; i++) nested = [nested];
    return nested;
  }),
);

const mutation = fc.record({
  kind: fc.constantFrom("drop", "replace", "wrapArray", "unwrapArray"),
  at: fc.nat(),
  value: replacement,
});

const wrapper = fc.constantFrom("none", "items", "array", "bare", "data", "dmpArray", "itemsMany", "string");

function wrap(document: unknown, how: string): unknown {
  const dmp =
    document && typeof document === "object" && "dmp" in document
      ? (document as { dmp: unknown }).dmp
      : document;
  switch (how) {
    case "items":
      return { items: [{ dmp }] };
    case "array":
      return [{ dmp }];
    case "bare":
      return dmp;
    case "data":
      return { data: { dmp } };
    case "dmpArray":
      return { dmp: [dmp] };
    case "itemsMany":
      return { items: [{ dmp }, { dmp }] };
    case "string":
      return JSON.stringify(document);
    default:
      return document;
  }
}

const textDamage = fc.constantFrom("none", "none", "trailingComma", "rawNewline", "truncate", "bom");

function damage(text: string, how: string): string {
  switch (how) {
    case "trailingComma":
      return text.replace(/}(\s*)$/, ",}$1").replace(/"\s*}/, '",}');
    case "rawNewline":
      return text.replace(/": "([^"]{3})/, '": "$1\n\t');
    case "truncate":
      return text.slice(0, Math.floor(text.length * 0.7));
    case "bom":
      return `\ufeff${text}`;
    default:
      return text;
  }
}

const tally = { ok: 0, invalid: 0, unreadable: 0 };
const now = "2026-11-28T12:00:00Z";

/**
 * True when the message leaves a placeholder unfilled. The parameters' own values are replaced by a
 * neutral word first: they hold the user's text, which may itself look like a placeholder ("{0}").
 */
function unfilled(lang: "en" | "fr", key: MessageKey, params: Record<string, string | number> = {}): boolean {
  const neutral = Object.fromEntries(Object.keys(params).map((name) => [name, "x"]));
  return /\{\w+\}/.test(translate(lang, key, neutral));
}

describe("conversion of mutated real DMPs", () => {
  it("never throws and never outputs an invalid document", () => {
    fc.assert(
      fc.property(
        fc.nat(samples.length - 1),
        fc.array(mutation, { maxLength: 6 }),
        wrapper,
        textDamage,
        fc.constantFrom<TargetFormat>("rda-dcs-1.2", "rda-dcs-1.1", "rda-dcs-1.0", "native"),
        (sampleIndex, mutations, how, textHow, target) => {
          let document = samples[sampleIndex];
          for (const m of mutations) {
            const all = paths(document);
            const path = all[m.at % all.length] ?? [];
            document = update(document, path, (value) => {
              if (m.kind === "drop") return path.length === 0 ? m.value : remove;
              if (m.kind === "wrapArray") return [value];
              if (m.kind === "unwrapArray") return Array.isArray(value) ? value[0] : value;
              return m.value;
            });
          }
          const text = damage(JSON.stringify(wrap(document, how)) ?? "null", textHow);
          const outcome = convertDocument(text, target, { now });
          tally[outcome.ok ? "ok" : outcome.status]++;
          if (outcome.ok && target === "native") {
            // The plan is valid native; whenever the input also converts to DCS directly, going
            // through the native plan gives exactly the same DCS.
            expect(planSchema.safeParse(JSON.parse(outcome.output)).success).toBe(true);
            const direct = convertDocument(text, "rda-dcs-1.2", { now });
            const back = convertDocument(outcome.output, "rda-dcs-1.2", { now });
            if (direct.ok) {
              expect(back.ok || back.problem.key).toBe(true);
              if (back.ok) expect(JSON.parse(back.output)).toEqual(JSON.parse(direct.output));
            } else if (!back.ok) {
              expect(isMessageKey(back.problem.key)).toBe(true);
            }
          } else if (outcome.ok) {
            const version = target.slice("rda-dcs-".length) as "1.2" | "1.1" | "1.0";
            expect(validateDcs(JSON.parse(outcome.output), version)).toEqual({ valid: true });
          } else {
            expect(isMessageKey(outcome.problem.key)).toBe(true);
            expect(unfilled("fr", outcome.problem.key, outcome.problem.params)).toBe(false);
            expect(["unreadable", "invalid"]).toContain(outcome.status);
          }
          for (const entry of outcome.report) {
            expect(unfilled("en", entry.key, entry.params)).toBe(false);
          }
        },
      ),
      { numRuns: Number(process.env.FC_RUNS ?? 400) },
    );
    // The mutations must exercise both outcomes, or the property proves little.
    expect(tally.ok).toBeGreaterThan(tally.invalid / 10);
    expect(tally.invalid + tally.unreadable).toBeGreaterThan(0);
    if (process.env.FC_TALLY) console.log(tally);
  });

  it("reads every unmutated sample in every wrapper", () => {
    for (const sample of samples.filter((s) => (s as { dmp?: unknown }).dmp)) {
      for (const how of ["none", "items", "array", "bare"]) {
        const outcome = convertDocument(JSON.stringify(wrap(sample, how)), "rda-dcs-1.2");
        expect(outcome.ok || outcome.problem.key).toBe(true);
      }
    }
  });
});
