import {
  Alert,
  Button,
  Checkbox,
  Group,
  Loader,
  Modal,
  NativeSelect,
  NumberInput,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
} from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { type ExportFormat, type ExportOptions, exportFormats, saveFile } from "../../api/exports.js";
import type { PlanDocument } from "../../api/plan-list.js";
import { usePlansApi } from "../../api/use-plans-api.js";
import { useLanguage } from "../../language.js";
import { errorMessage } from "../../ui/errors.js";

export interface ExportDialogProps {
  plan: PlanDocument;
  opened: boolean;
  onClose(): void;
}

/** Formats where page layout options (font size, margins, paper, cover) apply. */
const paged = new Set<ExportFormat>(["pdf", "docx", "odt"]);
/** Formats that are documents for people (headings, unanswered questions apply). */
const readable = new Set<ExportFormat>(["pdf", "docx", "odt", "html", "md"]);

/** Export a plan: format, language, outputs, options; downloads the rendered file. */
export function ExportDialog({ plan, opened, onClose }: ExportDialogProps) {
  const { t } = useLanguage();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t("web.export.title")}
      size="lg"
      closeButtonProps={{ "aria-label": t("web.close") }}
    >
      {opened && <ExportForm plan={plan} onDone={onClose} />}
    </Modal>
  );
}

function ExportForm({ plan, onDone }: { plan: PlanDocument; onDone(): void }) {
  const { t, lang } = useLanguage();
  const { files } = usePlansApi();
  const outputs = Object.values(plan.outputs ?? {}).sort((a, b) => a.position - b.position);
  const [options, setOptions] = useState<ExportOptions>({
    format: "pdf",
    lang: plan.language === "fra" ? "fr" : plan.language === "eng" ? "en" : lang,
    outputs: [],
    headings: true,
    unanswered: false,
    cover: true,
    fontSize: 10,
    margins: 20,
    paper: "a4",
  });
  const [selected, setSelected] = useState<string[]>(outputs.map((output) => output.id));
  const set = <K extends keyof ExportOptions>(key: K, value: ExportOptions[K]) =>
    setOptions((current) => ({ ...current, [key]: value }));
  const render = useMutation({
    mutationFn: () =>
      files.exportPlan(plan.id, {
        ...options,
        outputs: selected.length === outputs.length ? [] : selected,
      }),
    onSuccess: (file) => {
      saveFile(file);
      onDone();
    },
  });
  const isPaged = paged.has(options.format);
  const isReadable = readable.has(options.format);
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        render.mutate();
      }}
    >
      <Stack gap="md">
        <NativeSelect
          label={t("web.export.format")}
          value={options.format}
          onChange={(event) => set("format", event.currentTarget.value as ExportFormat)}
          data={exportFormats.map((value) => ({ value, label: t(`web.export.format.${value}`) }))}
        />
        <fieldset className="bare-fieldset">
          <Text component="legend" size="sm" fw={500} mb={4}>
            {t("web.export.language")}
          </Text>
          <SegmentedControl
            value={options.lang}
            onChange={(value) => set("lang", value as "en" | "fr")}
            data={[
              { value: "en", label: t("web.language.en") },
              { value: "fr", label: t("web.language.fr") },
            ]}
          />
        </fieldset>
        {outputs.length > 0 && (
          <Checkbox.Group
            label={t("web.export.outputs")}
            value={selected}
            onChange={setSelected}
            error={selected.length === 0 ? t("web.export.outputs.none") : null}
          >
            <Stack gap={6} mt="xs">
              {outputs.map((output) => (
                <Checkbox key={output.id} value={output.id} label={`${output.shortName} — ${output.title}`} />
              ))}
            </Stack>
          </Checkbox.Group>
        )}
        {isReadable && (
          <Stack gap={6}>
            <Checkbox
              label={t("web.export.headings")}
              checked={options.headings}
              onChange={(event) => set("headings", event.currentTarget.checked)}
            />
            <Checkbox
              label={t("web.export.unanswered")}
              checked={options.unanswered}
              onChange={(event) => set("unanswered", event.currentTarget.checked)}
            />
            {isPaged && (
              <Checkbox
                label={t("web.export.cover")}
                checked={options.cover}
                onChange={(event) => set("cover", event.currentTarget.checked)}
              />
            )}
          </Stack>
        )}
        {isPaged && (
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <NumberInput
              label={t("web.export.font_size")}
              value={options.fontSize}
              min={8}
              max={14}
              onChange={(value) => set("fontSize", Number(value) || 10)}
            />
            <NumberInput
              label={t("web.export.margins")}
              value={options.margins}
              min={5}
              max={25}
              onChange={(value) => set("margins", Number(value) || 20)}
            />
            <NativeSelect
              label={t("web.export.paper")}
              value={options.paper}
              onChange={(event) => set("paper", event.currentTarget.value as "a4" | "letter")}
              data={[
                { value: "a4", label: t("web.export.paper.a4") },
                { value: "letter", label: t("web.export.paper.letter") },
              ]}
            />
          </SimpleGrid>
        )}
        {render.isPending && (
          <Group gap="xs" role="status" aria-live="polite">
            <Loader size="sm" aria-hidden="true" />
            <Text size="sm">{t("web.export.rendering")}</Text>
          </Group>
        )}
        {render.isError && (
          <Alert color="red" variant="light" role="alert">
            {errorMessage(render.error, t)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone} disabled={render.isPending}>
            {t("web.cancel")}
          </Button>
          <Button
            type="submit"
            loading={render.isPending}
            disabled={outputs.length > 0 && selected.length === 0}
          >
            {t("web.export.download")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
