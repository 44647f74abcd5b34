import { Badge, NavLink, Stack, Text, VisuallyHidden } from "@mantine/core";
import { memo } from "react";
import type { PlanCompleteness, Tally } from "../../../domain/completeness.js";
import { isSectionApplicable } from "../../../domain/conditions.js";
import { localize } from "../../../domain/localized.js";
import { listOutputs, type Plan, type ResearchOutput } from "../../../domain/plan.js";
import type { Section, Template } from "../../../domain/template.js";
import { useLanguage } from "../../language.js";

/** One place of the editor: a form, a plan section, or a section of one research output. */
export type EditorView =
  | { kind: "details" | "project" | "contributors" | "outputs" }
  | { kind: "section"; sectionId: string }
  | { kind: "output-section"; outputId: string; sectionId: string };

export function viewKey(view: EditorView): string {
  if (view.kind === "section") return `s:${view.sectionId}`;
  if (view.kind === "output-section") return `o:${view.outputId}:${view.sectionId}`;
  return view.kind;
}

export function parseView(key: string | null): EditorView {
  if (!key) return { kind: "details" };
  if (key.startsWith("s:")) return { kind: "section", sectionId: key.slice(2) };
  if (key.startsWith("o:")) {
    const [, outputId = "", sectionId = ""] = key.split(":");
    return { kind: "output-section", outputId, sectionId };
  }
  if (key === "project" || key === "contributors" || key === "outputs") return { kind: key };
  return { kind: "details" };
}

function Count({ tally }: { tally: Tally | undefined }) {
  const { t } = useLanguage();
  if (!tally || tally.total === 0) return null;
  return (
    <Badge size="sm" variant="dot" color={tally.complete ? "green" : "gray"}>
      <span aria-hidden="true">
        {tally.answered}/{tally.total}
      </span>
      <VisuallyHidden>
        {t("editor.completeness.count", { answered: tally.answered, total: tally.total })}
      </VisuallyHidden>
    </Badge>
  );
}

/** One place in the navigation; memoised on its tally's numbers, so that an edit renders only its section's. */
const NavItem = memo(
  function NavItem({
    viewKey: key,
    label,
    active,
    tally,
    onSelect,
  }: {
    viewKey: string;
    label: string;
    active: boolean;
    tally: Tally | undefined;
    onSelect(view: EditorView): void;
  }) {
    return (
      <NavLink
        component="button"
        type="button"
        label={label}
        active={active}
        variant="filled"
        aria-current={active ? "page" : undefined}
        onClick={() => onSelect(parseView(key))}
        rightSection={<Count tally={tally} />}
        data-view={key}
      />
    );
  },
  (before, after) =>
    before.viewKey === after.viewKey &&
    before.label === after.label &&
    before.active === after.active &&
    before.onSelect === after.onSelect &&
    sameTally(before.tally, after.tally),
);

interface OutputNavProps {
  output: ResearchOutput;
  sections: { section: Section; tally: Tally | undefined }[];
  tally: Tally | undefined;
  opened: boolean;
  /** The current view's key when it is one of this output's sections, else "". */
  currentKey: string;
  planLang: string;
  onSelect(view: EditorView): void;
}

/** A research output and its sections; renders again only when its output, counts or state change. */
const OutputNav = memo(
  function OutputNav({ output, sections, tally, opened, currentKey, planLang, onSelect }: OutputNavProps) {
    return (
      <NavLink
        component="button"
        type="button"
        label={`${output.shortName}${output.title ? ` — ${output.title}` : ""}`}
        rightSection={<Count tally={tally} />}
        // The current output shows its sections; choosing another output opens its first section.
        opened={opened}
        onClick={() => {
          const first = sections[0];
          if (first) onSelect({ kind: "output-section", outputId: output.id, sectionId: first.section.id });
        }}
        childrenOffset="sm"
        data-output={output.id}
      >
        {sections.map(({ section, tally: sectionTally }) => {
          const key = viewKey({ kind: "output-section", outputId: output.id, sectionId: section.id });
          return (
            <NavItem
              key={key}
              viewKey={key}
              label={localize(section.title, planLang)}
              active={key === currentKey}
              tally={sectionTally}
              onSelect={onSelect}
            />
          );
        })}
      </NavLink>
    );
  },
  (before, after) =>
    before.output === after.output &&
    before.opened === after.opened &&
    before.currentKey === after.currentKey &&
    before.planLang === after.planLang &&
    before.onSelect === after.onSelect &&
    sameTally(before.tally, after.tally) &&
    before.sections.length === after.sections.length &&
    before.sections.every(
      (entry, i) =>
        entry.section === after.sections[i]?.section && sameTally(entry.tally, after.sections[i]?.tally),
    ),
);

function sameTally(a: Tally | undefined, b: Tally | undefined): boolean {
  return (
    a === b || (!!a && !!b && a.answered === b.answered && a.total === b.total && a.complete === b.complete)
  );
}

/**
 * The editor's table of contents, with a completeness count per section and output (memoised: it
 * renders when the plan, its completeness or the current view changes).
 */
export const EditorNav = memo(function EditorNav({
  plan,
  template,
  completeness,
  currentKey,
  onSelect,
}: {
  plan: Plan;
  template: Template;
  completeness: PlanCompleteness;
  /** `viewKey` of the view shown. */
  currentKey: string;
  onSelect(view: EditorView): void;
}) {
  const { t } = useLanguage();
  const planLang = plan.language === "fra" ? "fr" : "en";
  const current = parseView(currentKey);
  const item = (view: EditorView, label: string, tally?: Tally) => {
    const key = viewKey(view);
    return (
      <NavItem
        key={key}
        viewKey={key}
        label={label}
        active={key === currentKey}
        tally={tally}
        onSelect={onSelect}
      />
    );
  };
  const planSections = template.sections.filter((s) => isSectionApplicable(s, { answers: plan.answers }));
  const sectionTally = (sectionId: string, outputId?: string) =>
    completeness.sections.find((s) => s.sectionId === sectionId && s.outputId === outputId);
  return (
    <Stack gap={2} component="nav" aria-label={t("editor.nav.label")}>
      {item({ kind: "details" }, t("editor.nav.details"))}
      {item(
        { kind: "project" },
        plan.context === "research_entity" ? t("editor.nav.entity") : t("editor.nav.project"),
      )}
      {item({ kind: "contributors" }, t("editor.nav.contributors"))}
      {item({ kind: "outputs" }, t("editor.nav.outputs"))}
      {planSections.length > 0 && (
        <Text size="xs" fw={700} c="gray.7" tt="uppercase" mt="sm" px="sm">
          {t("editor.nav.plan_sections")}
        </Text>
      )}
      {planSections.map((section) =>
        item(
          { kind: "section", sectionId: section.id },
          localize(section.title, planLang),
          sectionTally(section.id),
        ),
      )}
      {listOutputs(plan).map((output) => {
        const tallies = template.sections
          .filter((s) => isSectionApplicable(s, { answers: output.answers, output }))
          .map((section) => ({ section, tally: sectionTally(section.id, output.id) }));
        const opened = current.kind === "output-section" && current.outputId === output.id;
        return (
          <OutputNav
            key={output.id}
            output={output}
            sections={tallies}
            tally={completeness.outputs.find((o) => o.outputId === output.id)}
            opened={opened}
            currentKey={opened ? currentKey : ""}
            planLang={planLang}
            onSelect={onSelect}
          />
        );
      })}
    </Stack>
  );
});
