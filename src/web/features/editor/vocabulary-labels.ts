/**
 * The editor's vocabularies and the labels of the codes its plan holds. Vocabularies come in one
 * request as the editor opens (`/api/v1/vocabulary-views`); those too large to send whole come with
 * only the codes the plan held then. Codes that arrive later other than through the editor's own
 * combobox — another author's edit or another tab (live events), a revert, an import — are asked
 * for here, whenever the plan changes: in batches, each code once, one request at a time; a code the
 * vocabulary does not hold is remembered as unknown (shown as such) and not asked for again.
 */

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { VocabularyView } from "../../../contract/templates.js";
import type { Plan } from "../../../domain/plan.js";
import type { Template } from "../../../domain/template.js";
import type { Vocabulary, VocabularySet } from "../../../domain/vocabulary.js";
import type { VocabularyViews } from "./editor-context.js";
import type { LearnLabels } from "./questions/question-context.js";
import {
  answerVocabularyCodes,
  codeBatches,
  isListableCode,
  markMissingCodes,
  markSearchedOnServer,
  planAnswerSets,
} from "./questions/values.js";

/** Vocabularies as the editor uses them: views in the interface language and a set with every language. */
export interface EditorVocabularies {
  /** Labels in the interface language (the editor's own forms). */
  views: VocabularyViews;
  /** Labels in every language loaded (the question cards, in the plan's language). */
  set: VocabularySet;
}

function mergeItems(items: VocabularyView["items"], more: VocabularyView["items"]): VocabularyView["items"] {
  const codes = new Set(items.map((item) => item.code));
  const added = more.filter((item) => !codes.has(item.code));
  return added.length ? [...items, ...added] : items;
}

/**
 * Views (one per vocabulary and language, several of the same when labels came later) → the
 * editor's vocabularies; those of a partial view are marked as searched on the server.
 */
export function combineVocabularies(results: readonly VocabularyView[], uiLang: string): EditorVocabularies {
  const views = new Map<string, VocabularyView>();
  const set = new Map<string, Vocabulary>();
  for (const view of results) {
    const shown = views.get(view.id);
    if (!shown || (view.lang === uiLang && shown.lang !== uiLang)) views.set(view.id, view);
    else if (shown.lang === view.lang)
      views.set(view.id, { ...shown, items: mergeItems(shown.items, view.items) });
    const known = set.get(view.id);
    const vocabulary: Vocabulary = known ?? {
      carnetVocabulary: 1,
      id: view.id,
      title: {},
      source: view.source,
      licence: view.licence,
      items: [],
    };
    (vocabulary.title as Record<string, string>)[view.lang] = view.title;
    const items = new Map(vocabulary.items.map((item) => [item.code, item]));
    for (const item of view.items) {
      const existing = items.get(item.code);
      if (existing) (existing.label as Record<string, string>)[view.lang] = item.label;
      else
        items.set(item.code, {
          code: item.code,
          label: { [view.lang]: item.label },
          ...(item.uri ? { uri: item.uri } : {}),
          ...(item.parent ? { parent: item.parent } : {}),
          ...(item.deprecated ? { deprecated: true } : {}),
        });
    }
    vocabulary.items = [...items.values()];
    if (view.partial) markSearchedOnServer(vocabulary);
    set.set(view.id, vocabulary);
  }
  return { views, set };
}

/** Labels fetched since the editor opened, and the codes asked for that their vocabulary lacks. */
export interface FetchedLabels {
  views: readonly VocabularyView[];
  missing: ReadonlyMap<string, ReadonlySet<string>>;
}

/** Ask the server for the labels of `codes` in the vocabularies `ids` (all of them large). */
export type FetchLabels = (
  ids: readonly string[],
  codes: readonly string[],
  signal: AbortSignal,
) => Promise<readonly VocabularyView[]>;

type CodeSets = Map<string, Set<string>>;

function codesOf(sets: CodeSets, id: string): Set<string> {
  const codes = sets.get(id) ?? new Set<string>();
  sets.set(id, codes);
  return codes;
}

function isEmptySets(sets: CodeSets): boolean {
  for (const codes of sets.values()) if (codes.size) return false;
  return true;
}

/**
 * Which codes of the large vocabularies the editor has labels for, and the requests for the others.
 * `want` is cheap when nothing is new; codes wanted within `delayMs` of each other, or while a
 * request is out, go in the next request together. A failed request is tried again later (1 s,
 * doubling up to 30 s), for the codes still not labelled.
 */
export class VocabularyLabelLoader {
  /** Per large vocabulary: codes with a label. Only these vocabularies are asked about. */
  private readonly known: CodeSets = new Map();
  private readonly missing: CodeSets = new Map();
  private readonly pending: CodeSets = new Map();
  private readonly asking: CodeSets = new Map();
  private readonly askedAtLoad: ReadonlySet<string>;
  /** A view of each large vocabulary as loaded (its title, source and licence). */
  private readonly loadedViews = new Map<string, VocabularyView>();
  private readonly fetched: VocabularyView[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private request: AbortController | undefined;
  private failures = 0;
  private closed = false;

  /**
   * `loaded`: the views the editor opened with; `askedAtLoad`: the codes asked for then (those
   * not among the items of a large vocabulary are not codes of it).
   */
  constructor(
    loaded: readonly VocabularyView[],
    askedAtLoad: readonly string[],
    private readonly fetchLabels: FetchLabels,
    private readonly onChange: (labels: FetchedLabels) => void,
    private readonly delayMs = 50,
  ) {
    for (const view of loaded)
      if (view.partial) {
        if (!this.loadedViews.has(view.id)) this.loadedViews.set(view.id, view);
        const codes = codesOf(this.known, view.id);
        for (const item of view.items) codes.add(item.code);
      }
    this.askedAtLoad = new Set(askedAtLoad);
  }

  /** True when some vocabulary came partial (otherwise there is never anything to ask). */
  get active(): boolean {
    return this.known.size > 0;
  }

  /** The codes the plan holds now, by vocabulary: those without a label yet are asked for. */
  want(codesById: ReadonlyMap<string, ReadonlySet<string>>): void {
    if (this.closed) return;
    let missed = false;
    let added = false;
    for (const [id, codes] of codesById) {
      const known = this.known.get(id);
      if (!known) continue;
      for (const code of codes) {
        if (
          known.has(code) ||
          this.missing.get(id)?.has(code) ||
          this.pending.get(id)?.has(code) ||
          this.asking.get(id)?.has(code)
        )
          continue;
        if (!isListableCode(code) || this.askedAtLoad.has(code)) {
          codesOf(this.missing, id).add(code);
          missed = true;
        } else {
          codesOf(this.pending, id).add(code);
          added = true;
        }
      }
    }
    if (missed) this.emit();
    if (added) this.schedule(this.delayMs);
  }

  /**
   * Labels found otherwise (a combobox's search on the server, in `lang`), so that the codes chosen
   * among them are not asked for.
   */
  learn(id: string, lang: VocabularyView["lang"], items: readonly { code: string; label: string }[]): void {
    const known = this.known.get(id);
    const view = this.loadedViews.get(id);
    if (this.closed || !known || !view) return;
    const fresh = items.filter((item) => !known.has(item.code));
    if (!fresh.length) return;
    for (const item of fresh) {
      known.add(item.code);
      this.pending.get(id)?.delete(item.code);
      this.missing.get(id)?.delete(item.code);
    }
    this.fetched.push({ ...view, lang, items: fresh });
    this.emit();
  }

  /** Stop: no more requests, the one out is aborted and its answer ignored. */
  close(): void {
    this.closed = true;
    clearTimeout(this.timer);
    this.request?.abort();
  }

  private schedule(delay: number): void {
    if (this.timer !== undefined || this.request || this.closed) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.send();
    }, delay);
  }

  private send(): void {
    if (this.closed || isEmptySets(this.pending)) return;
    const all = new Set<string>();
    for (const codes of this.pending.values()) for (const code of codes) all.add(code);
    const batch = new Set(codeBatches([...all].sort())[0] ?? []);
    const ids: string[] = [];
    for (const [id, codes] of this.pending) {
      const asked = [...codes].filter((code) => batch.has(code));
      if (!asked.length) continue;
      ids.push(id);
      const asking = codesOf(this.asking, id);
      for (const code of asked) {
        asking.add(code);
        codes.delete(code);
      }
    }
    const request = new AbortController();
    this.request = request;
    this.fetchLabels(ids, [...batch], request.signal)
      .then((views) => {
        if (this.closed) return;
        for (const view of views) {
          if (!view.items.length) continue;
          this.fetched.push(view);
          const known = this.known.get(view.id);
          if (known) for (const item of view.items) known.add(item.code);
        }
        for (const [id, codes] of this.asking)
          for (const code of codes) if (!this.known.get(id)?.has(code)) codesOf(this.missing, id).add(code);
        this.asking.clear();
        this.failures = 0;
        this.emit();
      })
      .catch(() => {
        if (this.closed) return;
        // Asked again later, with whatever else is wanted by then.
        for (const [id, codes] of this.asking) for (const code of codes) codesOf(this.pending, id).add(code);
        this.asking.clear();
        this.failures += 1;
      })
      .finally(() => {
        if (this.request === request) this.request = undefined;
        if (isEmptySets(this.pending)) return;
        this.schedule(this.failures ? Math.min(30_000, 1000 * 2 ** (this.failures - 1)) : this.delayMs);
      });
  }

  private emit(): void {
    const missing = new Map<string, ReadonlySet<string>>();
    for (const [id, codes] of this.missing) missing.set(id, new Set(codes));
    this.onChange({ views: [...this.fetched], missing });
  }
}

/**
 * The editor's vocabularies with the labels fetched since it opened: vocabularies that gained
 * nothing keep their objects (the cards showing them are not rendered again).
 */
export function withFetchedLabels(
  loaded: readonly VocabularyView[],
  base: EditorVocabularies,
  fetched: FetchedLabels,
  uiLang: string,
): EditorVocabularies {
  const ids = new Set([...fetched.views.map((view) => view.id), ...fetched.missing.keys()]);
  if (!ids.size) return base;
  const views = new Map(base.views);
  const set = new Map(base.set);
  for (const id of ids) {
    const combined = combineVocabularies(
      [...loaded, ...fetched.views].filter((view) => view.id === id),
      uiLang,
    );
    const view = combined.views.get(id);
    const vocabulary = combined.set.get(id);
    if (!view || !vocabulary) continue;
    markMissingCodes(vocabulary, fetched.missing.get(id) ?? new Set());
    views.set(id, view);
    set.set(id, vocabulary);
  }
  return { views, set };
}

export interface VocabularyLabelsOptions {
  /** The views the editor opened with (undefined while they load). */
  loaded: readonly VocabularyView[] | undefined;
  /** The codes those views were asked to label. */
  askedAtLoad: readonly string[];
  uiLang: string;
  /** The plan as shown (a deferred one will do: labels need not follow every key). */
  plan: Plan | null;
  template: Template;
  fetchLabels: FetchLabels;
}

/** The editor's vocabularies, with the labels of codes the plan gains as it changes (see above). */
export function useVocabularyLabels(
  options: VocabularyLabelsOptions,
): EditorVocabularies & { learn: LearnLabels } {
  const { loaded, uiLang, plan, template } = options;
  const base = useMemo(() => combineVocabularies(loaded ?? [], uiLang), [loaded, uiLang]);
  const [fetched, setFetched] = useState<{ loaded: readonly VocabularyView[]; labels: FetchedLabels } | null>(
    null,
  );
  const loader = useRef<VocabularyLabelLoader | null>(null);
  const latest = useRef(options);
  latest.current = options;
  // One loader per set of views loaded (another interface language loads them again).
  useEffect(() => {
    if (!loaded) return;
    const current = new VocabularyLabelLoader(
      loaded,
      latest.current.askedAtLoad,
      (ids, codes, signal) => latest.current.fetchLabels(ids, codes, signal),
      (labels) => setFetched({ loaded, labels }),
    );
    loader.current = current;
    return () => {
      current.close();
      if (loader.current === current) loader.current = null;
    };
  }, [loaded]);
  // Only answers that changed can hold new codes: edits copy what they change, so that an answer set
  // seen before (the plan's, an output's) is the same object.
  const seen = useRef<{ loader: VocabularyLabelLoader | null; answers: WeakSet<object> }>({
    loader: null,
    answers: new WeakSet(),
  });
  // biome-ignore lint/correctness/useExhaustiveDependencies: `loaded` stands for the loader it makes.
  useEffect(() => {
    const current = loader.current;
    if (!plan || !current?.active) return;
    if (seen.current.loader !== current) seen.current = { loader: current, answers: new WeakSet() };
    const { answers: known } = seen.current;
    for (const answers of planAnswerSets(plan)) {
      if (known.has(answers)) continue;
      known.add(answers);
      current.want(answerVocabularyCodes(answers, template));
    }
  }, [plan, template, loaded]);
  const learn = useCallback<LearnLabels>((id, lang, items) => loader.current?.learn(id, lang, items), []);
  const vocabularies = useMemo(
    () =>
      loaded && fetched?.loaded === loaded ? withFetchedLabels(loaded, base, fetched.labels, uiLang) : base,
    [loaded, base, fetched, uiLang],
  );
  return { ...vocabularies, learn };
}
