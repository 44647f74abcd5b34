/**
 * Test harness of the question widgets (not part of the app): every question kind on one page,
 * built by Vite for test/e2e/question-widgets.test.ts and served by a real Carnet server (so that
 * registry look-ups hit the real API). Query: `?ui=fr` interface language, `?plan=eng|fra` plan
 * language, `?readonly=1`, `?filled=1` pre-filled answers, `?problems=1` a problem on each card.
 */
import "@mantine/core/styles.css";
import "../../../src/web/styles.css";
import {
  Container,
  type CSSVariablesResolver,
  createTheme,
  MantineProvider,
  Stack,
  Title,
} from "@mantine/core";
import { StrictMode, useCallback, useState } from "react";
import { createRoot } from "react-dom/client";
import type { VocabularyView } from "../../../src/contract/templates.js";
import type { AnswerValue } from "../../../src/domain/answer-values.js";
import type { Person } from "../../../src/domain/plan.js";
import type { Question } from "../../../src/domain/template.js";
import type { VocabularySet } from "../../../src/domain/vocabulary.js";
import { QuestionCard } from "../../../src/web/features/editor/questions/question-card.js";
import { PlanPersonsProvider } from "../../../src/web/features/editor/questions/question-context.js";
import { vocabularyFromView } from "../../../src/web/features/editor/questions/values.js";
import { LanguageProvider } from "../../../src/web/language.js";
import { filledAnswers, harnessQuestions } from "./questions.js";

const params = new URLSearchParams(location.search);
localStorage.setItem("carnet.language", params.get("ui") === "fr" ? "fr" : "en");
const planLanguage = params.get("plan") ?? "eng";
const readOnly = params.has("readonly");
const problems = params.has("problems");

// Loaded from the real API, in the plan's language, as the editor does.
const vocabularyIds = [
  "iso-639-3",
  "iso-3166-1",
  "oecd-ford",
  "volume-units",
  "resource-identifier-types",
  "person-identifier-types",
  "organisation-identifier-types",
];
async function loadVocabularies(): Promise<VocabularySet> {
  const lang = planLanguage === "fra" ? "fr" : "en";
  const views = await Promise.all(
    vocabularyIds.map((id) =>
      fetch(`/api/v1/vocabularies/${id}?lang=${lang}`).then((r) => r.json() as Promise<VocabularyView>),
    ),
  );
  return new Map(views.map((view) => [view.id, vocabularyFromView(view)] as const));
}

const persons: Person[] = [
  { id: "p1", kind: "person", firstName: "Jeanne", lastName: "Dupont", identifiers: [], affiliations: [] },
  { id: "p2", kind: "person", firstName: "Josiah", lastName: "Carberry", identifiers: [], affiliations: [] },
];

function Card({
  question,
  value,
  onAnswer,
  vocabularies,
}: {
  vocabularies: VocabularySet;
  question: Question;
  value: AnswerValue | undefined;
  onAnswer(id: string, value: AnswerValue | null): void;
}) {
  const onChange = useCallback(
    (next: AnswerValue | null) => onAnswer(question.id, next),
    [onAnswer, question.id],
  );
  return (
    <QuestionCard
      question={question}
      value={value}
      onChange={onChange}
      readOnly={readOnly}
      path={`/answers/${question.id}`}
      problem={problems ? `Problem with ${question.id}` : undefined}
      vocabularies={vocabularies}
      planLanguage={planLanguage}
      presence={question.id === "q.text" ? <span data-testid="presence">Ada is here</span> : undefined}
      commentSlot={question.id === "q.text" ? <div data-testid="comments">2 comments</div> : undefined}
    />
  );
}

function Harness({ vocabularies }: { vocabularies: VocabularySet }) {
  const [answers, setAnswers] = useState<Record<string, AnswerValue>>(
    params.has("filled") ? filledAnswers : {},
  );
  const onAnswer = useCallback((id: string, value: AnswerValue | null) => {
    setAnswers((current) => {
      const next = { ...current };
      if (value === null) delete next[id];
      else next[id] = value;
      return next;
    });
  }, []);
  return (
    <Container size="lg" py="lg" component="main">
      <Title order={1} mb="md">
        Question widgets
      </Title>
      <PlanPersonsProvider persons={persons}>
        <Stack gap="md">
          {harnessQuestions.map((question) => (
            <Card
              key={question.id}
              vocabularies={vocabularies}
              question={question}
              value={answers[question.id]}
              onAnswer={onAnswer}
            />
          ))}
        </Stack>
      </PlanPersonsProvider>
      <pre data-testid="answers" style={{ whiteSpace: "pre-wrap", fontSize: 12 }}>
        {JSON.stringify(answers)}
      </pre>
    </Container>
  );
}

const theme = createTheme({ primaryColor: "indigo", primaryShade: 8, fontFamily: "system-ui, sans-serif" });
const cssVariables: CSSVariablesResolver = (current) => ({
  variables: {},
  light: {
    "--mantine-color-dimmed": current.colors.gray[7] ?? "#495057",
    "--mantine-color-error": current.colors.red[9] ?? "#c92a2a",
  },
  dark: {},
});

const root = document.getElementById("root");
const vocabularies = await loadVocabularies();
if (root) {
  createRoot(root).render(
    <StrictMode>
      <MantineProvider theme={theme} cssVariablesResolver={cssVariables}>
        <LanguageProvider>
          <Harness vocabularies={vocabularies} />
        </LanguageProvider>
      </MantineProvider>
    </StrictMode>,
  );
}
