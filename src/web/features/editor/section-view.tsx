import { Avatar, Group, Stack, Text, Tooltip } from "@mantine/core";
import type { ReactNode } from "react";
import { isQuestionVisible, isSectionApplicable } from "../../../domain/conditions.js";
import { toPointer } from "../../../domain/json-pointer.js";
import { localize } from "../../../domain/localized.js";
import type { ResearchOutput } from "../../../domain/plan.js";
import type { Section } from "../../../domain/template.js";
import type { LivePresenceEntry } from "../../api/live.js";
import { useLanguage } from "../../language.js";
import { useEditorContext } from "./editor-context.js";
import { fieldDomId, setOp, unsetOps } from "./plan-ops.js";
import { QuestionCard } from "./questions/question-card.js";
import { PlanPersonsProvider } from "./questions/question-context.js";

/** Small avatars of the people whose cursor is in `path` (or inside it). */
export function PresenceMarks({ people, path }: { people: LivePresenceEntry[]; path: string }) {
  const { t } = useLanguage();
  const here = people.filter((p) => p.field !== null && (p.field === path || p.field.startsWith(`${path}/`)));
  if (here.length === 0) return null;
  return (
    <Group gap={4} data-testid="field-presence">
      {here.map((person) => (
        <Tooltip key={person.connectionId} label={t("editor.presence.in_field", { name: person.name })}>
          <Avatar size="sm" color="grape" name={person.name} alt={person.name} />
        </Tooltip>
      ))}
      <Text size="xs" c="grape.9">
        {t("editor.presence.editing", { names: here.map((p) => p.name).join(", ") })}
      </Text>
    </Group>
  );
}

/** The questions of one section, for the plan or one research output; hidden questions disappear. */
export function SectionView({
  section,
  output,
  present,
  commentSlot,
}: {
  section: Section;
  output?: ResearchOutput;
  present: LivePresenceEntry[];
  commentSlot?: (questionId: string, outputId: string | null) => ReactNode;
}) {
  const { t } = useLanguage();
  const { plan, edit, readOnly, vocabularySet } = useEditorContext();
  const answers = output ? output.answers : plan.answers;
  const context = output ? { answers, output } : { answers };
  const base = output ? ["outputs", output.id, "answers"] : ["answers"];
  const planLang = plan.language === "fra" ? "fr" : "en";
  if (!isSectionApplicable(section, context)) {
    return <Text c="gray.7">{t("editor.section.not_applicable")}</Text>;
  }
  const description = section.description ? localize(section.description, planLang) : "";
  return (
    <PlanPersonsProvider persons={Object.values(plan.persons)}>
      <Stack gap="lg" maw={860}>
        {description && <Text c="gray.7">{description}</Text>}
        {section.questions
          .filter((question) => isQuestionVisible(question, context))
          .map((question) => {
            const segments = [...base, question.id];
            const path = toPointer(segments);
            return (
              <div key={question.id} id={fieldDomId(path)} data-question={question.id} data-path={path}>
                <QuestionCard
                  question={question}
                  value={answers[question.id]}
                  path={path}
                  readOnly={readOnly}
                  vocabularies={vocabularySet}
                  planLanguage={plan.language}
                  presence={<PresenceMarks people={present} path={path} />}
                  commentSlot={commentSlot?.(question.id, output?.id ?? null)}
                  onChange={(value) =>
                    edit(
                      value === null || value === undefined
                        ? unsetOps(plan, segments)
                        : [setOp(plan, segments, value)],
                    )
                  }
                />
              </div>
            );
          })}
      </Stack>
    </PlanPersonsProvider>
  );
}
