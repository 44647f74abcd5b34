import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { VocabularyView } from "../../../contract/templates.js";
import { vocabularySchema } from "../../../domain/vocabulary.js";
import { codeBatches, isUnknownCode } from "./questions/values.js";
import {
  combineVocabularies,
  type FetchedLabels,
  VocabularyLabelLoader,
  withFetchedLabels,
} from "./vocabulary-labels.js";

const languages = vocabularySchema.parse(
  JSON.parse(readFileSync(new URL("../../../../data/vocabularies/iso-639-3.json", import.meta.url), "utf8")),
);

/** What `/api/v1/vocabulary-views?ids=iso-639-3&maxItems=300&codes=` answers, in English. */
function partialView(codes: readonly string[]): VocabularyView {
  const wanted = new Set(codes);
  return {
    id: "iso-639-3",
    lang: "en",
    title: "ISO 639-3",
    source: languages.source,
    licence: languages.licence,
    partial: true,
    itemCount: languages.items.length,
    items: languages.items
      .filter((item) => wanted.has(item.code))
      .map((item) => ({ code: item.code, label: item.label.en ?? item.code })),
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));
const wanted = (...codes: string[]) => new Map([["iso-639-3", new Set(codes)]]);

/** A loader over ISO 639-3 opened with `fra` labelled, counting its requests. */
function loader(options: { fail?: number } = {}) {
  const requests: string[][] = [];
  let failures = options.fail ?? 0;
  let labels: FetchedLabels = { views: [], missing: new Map() };
  const loaded = [partialView(["fra"])];
  const instance = new VocabularyLabelLoader(
    loaded,
    ["fra", "xyz1"],
    async (ids, codes) => {
      requests.push([...codes]);
      expect(ids).toEqual(["iso-639-3"]);
      if (failures > 0) {
        failures -= 1;
        throw new Error("offline");
      }
      return [partialView(codes)];
    },
    (fetched) => {
      labels = fetched;
    },
    0,
  );
  return { instance, requests, loaded, labels: () => labels };
}

describe("labels of large vocabularies' codes the plan gains", () => {
  it("asks once for codes wanted together or while a request is out, and never for known ones", async () => {
    const { instance, requests, loaded, labels } = loader();
    instance.want(wanted("fra"));
    await settle();
    expect(requests).toEqual([]);
    instance.want(wanted("fra", "bre"));
    instance.want(wanted("fra", "bre", "cor"));
    await settle();
    expect(requests).toEqual([["bre", "cor"]]);
    instance.want(wanted("bre", "cor", "glv"));
    instance.want(wanted("glv", "gla"));
    await settle();
    expect(requests).toEqual([
      ["bre", "cor"],
      ["gla", "glv"],
    ]);
    instance.want(wanted("fra", "bre", "cor", "glv", "gla"));
    await settle();
    expect(requests).toHaveLength(2);

    const base = combineVocabularies(loaded, "en");
    const shown = withFetchedLabels(loaded, base, labels(), "en");
    const vocabulary = shown.set.get("iso-639-3")!;
    expect(vocabulary.items.map((item) => item.code).sort()).toEqual(["bre", "cor", "fra", "gla", "glv"]);
    expect(shown.views.get("iso-639-3")?.items.find((item) => item.code === "bre")?.label).toBe("Breton");
    expect(isUnknownCode(vocabulary, "bre")).toBe(false);
    instance.close();
  });

  it("marks codes the vocabulary lacks and does not ask for them again", async () => {
    const { instance, requests, loaded, labels } = loader();
    // Asked for when the editor opened, and not found: not a code of it.
    instance.want(wanted("fra", "xyz1"));
    expect(requests).toEqual([]);
    instance.want(wanted("zzzz", "a,b"));
    await settle();
    expect(requests).toEqual([["zzzz"]]);
    for (let round = 0; round < 3; round += 1) instance.want(wanted("zzzz", "xyz1", "a,b"));
    await settle();
    expect(requests).toHaveLength(1);
    const vocabulary = withFetchedLabels(loaded, combineVocabularies(loaded, "en"), labels(), "en").set.get(
      "iso-639-3",
    )!;
    expect(["zzzz", "xyz1", "a,b"].map((code) => isUnknownCode(vocabulary, code))).toEqual([
      true,
      true,
      true,
    ]);
    // A code not asked for yet is not called unknown while its label is on its way.
    expect(isUnknownCode(vocabulary, "eus")).toBe(false);
    instance.close();
  });

  it("asks again after a failure, and takes labels found by a search without asking", async () => {
    const { instance, requests, labels } = loader({ fail: 1 });
    instance.learn("iso-639-3", "en", [{ code: "deu", label: "German" }]);
    instance.want(wanted("deu", "bre"));
    await settle();
    expect(requests).toEqual([["bre"]]);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(requests).toEqual([["bre"], ["bre"]]);
    expect(labels().missing.size).toBe(0);
    expect(
      labels()
        .views.flatMap((view) => view.items.map((item) => item.code))
        .sort(),
    ).toEqual(["bre", "deu"]);
    instance.close();
  });

  it("splits codes into lists the endpoint accepts", () => {
    const many = Array.from({ length: 1200 }, (_, index) => `c${index}`);
    expect(codeBatches(many).map((batch) => batch.length)).toEqual([500, 500, 200]);
    const long = Array.from({ length: 100 }, (_, index) => `${"x".repeat(98)}${index}`.slice(-100));
    for (const batch of codeBatches(long)) expect(batch.join(",").length).toBeLessThanOrEqual(8000);
    expect(codeBatches(["ok", "not ok", "a,b"])).toEqual([["ok"]]);
  });
});
