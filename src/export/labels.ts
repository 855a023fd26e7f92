import { activeCodebook } from "../codebook/load.js";

interface ExportLabels {
  gtd: { attackType: Record<string, string>; targetType: Record<string, string>; weaponType: Record<string, string> };
  acled: { eventType: Record<string, string>; subEventType: Record<string, string> };
}

export type Vocabulary = "gtd.attackType" | "gtd.targetType" | "gtd.weaponType" | "acled.eventType" | "acled.subEventType";

function labelsOf(vocabulary: Vocabulary): Record<string, string> | undefined {
  const labels: ExportLabels = activeCodebook().exportLabels;
  const [source, field] = vocabulary.split(".") as ["gtd" | "acled", string];
  return (labels[source] as Record<string, Record<string, string>>)[field];
}

/** Whether `code` is one of the vocabulary's codes (the contract's, which the labels' keys are). */
export function isCode(vocabulary: Vocabulary, code: string): boolean {
  return Object.hasOwn(labelsOf(vocabulary) ?? {}, code);
}

/** The GTD's or ACLED's printed label for a code (codebook/export-labels.yaml); the code when it has none. */
export function label(vocabulary: Vocabulary, code: string | null | undefined): string {
  if (!code) return "";
  return labelsOf(vocabulary)?.[code] ?? code;
}
