import {
  Alert,
  Badge,
  Button,
  Group,
  Paper,
  Radio,
  Skeleton,
  Stack,
  Stepper,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useMutation, useQuery } from "@tanstack/react-query";
import { type FormEvent, useId, useMemo, useState } from "react";
import { useNavigate } from "react-router";
import type { TemplateSummary } from "../../../contract/templates.js";
import { planKeys } from "../../api/plan-keys.js";
import type { PlanContext } from "../../api/plan-list.js";
import { usePlansApi } from "../../api/use-plans-api.js";
import { useLanguage } from "../../language.js";
import { useQueryClient } from "../../session.js";
import { FormError, PageTitle } from "../../ui/page.js";
import { localized, plainText } from "../../ui/plan-format.js";

/** The template offered first: structured, machine-actionable, accepted by most funders. */
export const recommendedTemplate = "science-europe-structured";
const contexts: PlanContext[] = ["research_project", "research_entity"];
const planLanguages = ["fra", "eng"] as const;
type PlanLanguage = (typeof planLanguages)[number];
const twoLetter: Record<PlanLanguage, string> = { fra: "fr", eng: "en" };

interface TemplateGroup {
  name: string;
  templates: TemplateSummary[];
}

/** Templates usable for a context and language: the recommended one, then grouped by organisation. */
export function groupTemplates(
  templates: TemplateSummary[],
  context: PlanContext,
  language: PlanLanguage,
  lang: "en" | "fr",
): { recommended: TemplateSummary | undefined; groups: TemplateGroup[] } {
  const usable = templates.filter(
    (template) =>
      template.status === "published" &&
      (template.context === "any" || template.context === context) &&
      (template.languages.length === 0 || template.languages.includes(twoLetter[language])),
  );
  const recommended = usable.find((template) => template.id === recommendedTemplate);
  const byOrganisation = new Map<string, TemplateSummary[]>();
  for (const template of usable) {
    if (template === recommended) continue;
    const name = localized(template.organisation.name, lang);
    byOrganisation.set(name, [...(byOrganisation.get(name) ?? []), template]);
  }
  const groups = [...byOrganisation.entries()]
    .map(([name, list]) => ({ name, templates: list }))
    .sort((a, b) => a.name.localeCompare(b.name, lang));
  return { recommended, groups };
}

function TemplateChoice({ template, recommended }: { template: TemplateSummary; recommended?: boolean }) {
  const { t, lang } = useLanguage();
  const description = template.description ? plainText(localized(template.description, lang)) : "";
  return (
    <Radio.Card value={template.id} radius="md" p="md" data-testid={`template-${template.id}`}>
      <Group wrap="nowrap" align="flex-start" gap="sm">
        <Radio.Indicator mt={4} />
        <Stack gap={4}>
          <Group gap="xs">
            <Text fw={600}>{localized(template.title, lang)}</Text>
            {recommended && (
              <Badge color="green.9" variant="light">
                {t("web.wizard.recommended")}
              </Badge>
            )}
          </Group>
          {description && (
            <Text size="sm" c="gray.7" lineClamp={3}>
              {description}
            </Text>
          )}
          <Text size="xs" c="gray.7">
            {t("web.wizard.question_count", { count: template.questionCount })}
          </Text>
        </Stack>
      </Group>
    </Radio.Card>
  );
}

/** New plan wizard: context → plan language → template → title; lands in the editor. */
export function NewPlanPage() {
  const { t, lang } = useLanguage();
  const { plans } = usePlansApi();
  const client = useQueryClient();
  const navigate = useNavigate();
  const titleId = useId();
  const [step, setStep] = useState(0);
  const [context, setContext] = useState<PlanContext>("research_project");
  const [language, setLanguage] = useState<PlanLanguage>(lang === "fr" ? "fra" : "eng");
  const [templateId, setTemplateId] = useState<string>("");
  const [title, setTitle] = useState("");
  const [titleError, setTitleError] = useState<string | null>(null);
  const [templateError, setTemplateError] = useState<string | null>(null);

  const templates = useQuery({
    queryKey: planKeys.templates(lang),
    queryFn: () => plans.templates(),
    staleTime: 5 * 60_000,
  });
  const { recommended, groups } = useMemo(
    () => groupTemplates(templates.data?.templates ?? [], context, language, lang),
    [templates.data, context, language, lang],
  );
  const chosen = templateId || recommended?.id || "";

  const create = useMutation({
    mutationFn: () => plans.create({ templateId: chosen, language, title: title.trim(), context }),
    onSuccess: (plan) => {
      void client.invalidateQueries({ queryKey: planKeys.lists });
      void navigate(`/plans/${encodeURIComponent(plan.id)}`);
    },
  });

  const next = (event?: FormEvent) => {
    event?.preventDefault();
    if (step === 2 && !chosen) {
      setTemplateError(t("web.wizard.template.required"));
      return;
    }
    if (step === 3) {
      if (!title.trim()) {
        setTitleError(t("web.validation.required"));
        return;
      }
      create.mutate();
      return;
    }
    setStep((current) => Math.min(current + 1, 3));
  };

  const stepTitles = [
    t("web.wizard.step.context"),
    t("web.wizard.step.language"),
    t("web.wizard.step.template"),
    t("web.wizard.step.title"),
  ];

  return (
    <>
      <PageTitle lead={t("web.wizard.lead")}>{t("web.wizard.title")}</PageTitle>
      <Paper withBorder radius="md" p={{ base: "md", sm: "xl" }}>
        <Stepper active={step} onStepClick={setStep} allowNextStepsSelect={false} size="sm" mb="xl">
          {stepTitles.map((label) => (
            <Stepper.Step key={label} label={label} />
          ))}
        </Stepper>
        <form onSubmit={next} noValidate aria-labelledby={titleId}>
          <Title order={2} size="h3" id={titleId} mb="md">
            {t("web.wizard.step_of", { step: step + 1, total: 4, name: stepTitles[step] ?? "" })}
          </Title>
          {step === 0 && (
            <Radio.Group
              value={context}
              onChange={(value) => {
                setContext(value as PlanContext);
                setTemplateId("");
              }}
              label={t("web.wizard.context.label")}
              name="context"
            >
              <Stack gap="sm" mt="sm">
                {contexts.map((value) => (
                  <Radio.Card key={value} value={value} radius="md" p="md">
                    <Group wrap="nowrap" align="flex-start" gap="sm">
                      <Radio.Indicator mt={4} />
                      <Stack gap={2}>
                        <Text fw={600}>{t(`web.wizard.context.${value}`)}</Text>
                        <Text size="sm" c="gray.7">
                          {t(`web.wizard.context.${value}.hint`)}
                        </Text>
                      </Stack>
                    </Group>
                  </Radio.Card>
                ))}
              </Stack>
            </Radio.Group>
          )}
          {step === 1 && (
            <Radio.Group
              value={language}
              onChange={(value) => {
                setLanguage(value as PlanLanguage);
                setTemplateId("");
              }}
              label={t("web.wizard.language.label")}
              description={t("web.wizard.language.hint")}
              name="language"
            >
              <Stack gap="sm" mt="sm">
                {planLanguages.map((value) => (
                  <Radio key={value} value={value} label={t(`web.plans.language.${value}`)} />
                ))}
              </Stack>
            </Radio.Group>
          )}
          {step === 2 &&
            (templates.isPending ? (
              <Stack gap="sm" aria-busy="true">
                <Skeleton height={90} />
                <Skeleton height={90} />
              </Stack>
            ) : templates.isError ? (
              <FormError error={templates.error} />
            ) : (
              <Radio.Group
                value={chosen}
                onChange={(value) => {
                  setTemplateId(value);
                  setTemplateError(null);
                }}
                label={t("web.wizard.template.label")}
                name="template"
                error={templateError}
              >
                <Stack gap="lg" mt="sm">
                  {recommended && <TemplateChoice template={recommended} recommended />}
                  {groups.map((group) => (
                    <Stack key={group.name} gap="sm" component="section" aria-label={group.name}>
                      <Text fw={600} c="gray.8">
                        {group.name}
                      </Text>
                      {group.templates.map((template) => (
                        <TemplateChoice key={template.id} template={template} />
                      ))}
                    </Stack>
                  ))}
                  {!recommended && groups.length === 0 && <Text>{t("web.wizard.template.none")}</Text>}
                </Stack>
              </Radio.Group>
            ))}
          {step === 3 && (
            <Stack gap="md">
              <TextInput
                label={t("web.wizard.title.label")}
                description={t("web.wizard.title.hint")}
                value={title}
                onChange={(event) => {
                  setTitle(event.currentTarget.value);
                  setTitleError(null);
                }}
                error={titleError}
                maxLength={500}
                required
                data-autofocus
              />
              <FormError error={create.error} />
            </Stack>
          )}
          {create.isError && step !== 3 && <Alert color="red">{t("web.error.unexpected")}</Alert>}
          <Group justify="space-between" mt="xl">
            <Button
              variant="default"
              onClick={() => setStep((current) => Math.max(current - 1, 0))}
              disabled={step === 0}
            >
              {t("web.wizard.back")}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {step === 3 ? t("web.wizard.create") : t("web.wizard.next")}
            </Button>
          </Group>
        </form>
      </Paper>
    </>
  );
}
