// Narrative templates (Horizon Europe, ANR, Science Europe core) from the reference transcriptions.
export function narrativeTemplates(_reference) {
  return [];
}
