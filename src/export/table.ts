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

// Control characters (an escape sequence can move the cursor, retitle the window or rewrite what
// was printed) and the overrides that reorder a line's characters, shown as escapes: a report's
// title or place name comes from anyone.
const UNPRINTABLE = /[\p{Cc}\u202a-\u202e\u2066-\u2069]/gu;

/** `text` on one line, whitespace runs as one space, what a terminal would act on as escapes. */
function printable(text: string): string {
  return text.replace(/\s+/g, " ").replace(UNPRINTABLE, (c) => {
    const code = c.charCodeAt(0);
    return code < 0x100 ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16)}`;
  });
}

function fit(flat: string, width: number): string {
  return flat.length > width ? `${flat.slice(0, width - 1)}…` : flat.padEnd(width);
}

export function* table(rows: Iterable<ExportRow>): Generator<string> {
  const cells = [...rows].map((r) => COLUMNS.map((c) => printable(c.value(r))));
  // A width of 0 takes the longest value's.
  const widths = COLUMNS.map((c, i) => c.width || Math.max(c.title.length, ...cells.map((row) => row[i]!.length)));
  const line = (values: string[]) => `${values.map((v, i) => fit(v, widths[i]!)).join("  ").trimEnd()}\n`;
  yield line(COLUMNS.map((c) => c.title));
  for (const row of cells) yield line(row);
}
