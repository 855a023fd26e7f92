import type { ExportRow } from "./row.js";

// A terminal table: one line a record, columns cut to fit, for reading, not for parsing. The id
// is never cut: an analyst copies it into `sitrep event merge`.
const COLUMNS: { title: string; width: number; value: (r: ExportRow) => string }[] = [
  { title: "ID", width: 0, value: (r) => r.id },
  { title: "DATE", width: 10, value: (r) => r.dateStart ?? "" },
  { title: "CC", width: 2, value: (r) => r.country ?? "" },
  { title: "PLACE", width: 16, value: (r) => r.location ?? "" },
  { title: "TYPE", width: 18, value: (r) => r.attackTypes[0] ?? r.eventType ?? "" },
  { title: "PERPETRATOR", width: 18, value: (r) => r.perpetrators.join(", ") },
  { title: "KILLED", width: 6, value: (r) => (r.killed === null ? "" : String(r.killed)) },
  { title: "WOUNDED", width: 7, value: (r) => (r.wounded === null ? "" : String(r.wounded)) },
  { title: "SRC", width: 3, value: (r) => String(r.sources.length) },
  { title: "DISPUTED", width: 20, value: (r) => r.conflicts.join(", ") },
];

function fit(text: string, width: number): string {
  const flat = text.replace(/\s+/g, " ");
  return flat.length > width ? `${flat.slice(0, width - 1)}…` : flat.padEnd(width);
}

export function* table(rows: Iterable<ExportRow>): Generator<string> {
  const all = [...rows];
  // A width of 0 takes the longest value's.
  const widths = COLUMNS.map((c) => c.width || Math.max(c.title.length, ...all.map((r) => c.value(r).length)));
  const line = (cells: string[]) => `${cells.map((v, i) => fit(v, widths[i]!)).join("  ").trimEnd()}\n`;
  yield line(COLUMNS.map((c) => c.title));
  for (const row of all) yield line(COLUMNS.map((c) => c.value(row)));
}
