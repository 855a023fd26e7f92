/** One CSV record (RFC 4180): fields quoted when they hold a comma, a quote or a line break. */
export function csvLine(fields: (string | number | null | undefined)[]): string {
  return (
    fields
      .map((f) => {
        const s = f === null || f === undefined ? "" : String(f);
        return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
      })
      .join(",") + "\r\n"
  );
}
