import { loadCodebook } from "../codebook/load.js";

interface ExportLabels {
  gtd: { attackType: Record<string, string>; targetType: Record<string, string>; weaponType: Record<string, string> };
  acled: { eventType: Record<string, string>; subEventType: Record<string, string> };
}

type Vocabulary = "gtd.attackType" | "gtd.targetType" | "gtd.weaponType" | "acled.eventType" | "acled.subEventType";

/** The GTD's or ACLED's printed label for a code (codebook/export-labels.yaml); the code when it has none. */
export function label(vocabulary: Vocabulary, code: string | null | undefined): string {
  if (!code) return "";
  const labels = loadCodebook<ExportLabels>("export-labels");
  const [source, field] = vocabulary.split(".") as ["gtd" | "acled", string];
  const table = (labels[source] as Record<string, Record<string, string>>)[field];
  return table?.[code] ?? code;
}
