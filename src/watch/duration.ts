// Durations as users write them on the command line: a number and a unit, s, m or h ("90s", "15m", "1.5h").

const UNITS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000 };

/** Milliseconds of a duration such as "15m"; an error naming `text` when it is not one. */
export function parseDuration(text: string): number {
  const match = /^(\d+(?:\.\d+)?)([smh])$/.exec(text.trim());
  if (!match) throw new Error(`expected a duration such as 30s, 15m or 2h, got "${text}"`);
  return Math.round(Number(match[1]) * UNITS[match[2]!]!);
}

/** A duration in the largest unit that writes it whole ("15m", "90s"), else in seconds. */
export function formatDuration(ms: number): string {
  for (const unit of ["h", "m", "s"]) {
    const size = UNITS[unit]!;
    if (ms >= size && ms % size === 0) return `${ms / size}${unit}`;
  }
  return `${Math.round(ms / 100) / 10}s`;
}
