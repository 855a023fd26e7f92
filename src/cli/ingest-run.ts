import { extractDocument } from "../extract/pipeline.js";
import type { ExtractOptions } from "../extract/annotated.js";
import type { SourceItem } from "../ingest/types.js";
import type { Store } from "../store/store.js";

export interface IngestReport {
  new: number;
  versions: number;
  duplicates: number;
  mentions: number;
  errors: { origin: string; reason: string }[];
}

/**
 * Extracts and stores every item, each document in a transaction of its own, so that an input
 * that fails (unreadable, no article, a store error) is reported by its origin and the rest go on.
 */
export async function ingestItems(
  store: Store,
  items: AsyncIterable<SourceItem>,
  opts: { extract?: ExtractOptions; onItem?: (ok: boolean) => void } = {},
): Promise<IngestReport> {
  const report: IngestReport = { new: 0, versions: 0, duplicates: 0, mentions: 0, errors: [] };
  for await (const item of items) {
    const ok = await ingestItem(store, item, report, opts.extract ?? {});
    opts.onItem?.(ok);
  }
  return report;
}

async function ingestItem(store: Store, item: SourceItem, report: IngestReport, extract: ExtractOptions): Promise<boolean> {
  if (item.error !== undefined || !item.doc) {
    report.errors.push({ origin: item.origin, reason: item.error ?? "no document" });
    return false;
  }
  try {
    const { doc, mentions } = extractDocument(item.doc, extract);
    const outcome = await store.ingest(doc, item.raw ?? item.doc.html ?? item.doc.text ?? "", mentions);
    if (outcome.status === "new") report.new++;
    else if (outcome.status === "version") report.versions++;
    else report.duplicates++;
    report.mentions += outcome.mentions;
    return true;
  } catch (err) {
    report.errors.push({ origin: item.origin, reason: (err as Error).message });
    return false;
  }
}

export function reportSummary(report: IngestReport, seconds: number): string {
  const stored = report.new + report.versions;
  const rate = seconds > 0 ? ` (${Math.round((stored + report.duplicates) / seconds)} documents/s)` : "";
  return (
    `ingested ${report.new} new, ${report.versions} versions, ${report.duplicates} duplicates, ${report.errors.length} errors; ` +
    `${report.mentions} mentions in ${seconds.toFixed(1)} s${rate}`
  );
}
