/**
 * Engines cap the values one statement binds (SQLite 32,766, PostgreSQL 65,535). Lists that grow
 * with the store (the events a re-resolution replaces, the mentions it reads) are bound this many
 * at a time.
 */
export const VALUES_PER_STATEMENT = 10_000;

/** `items` in consecutive slices of at most `size`. */
export function* chunks<T>(items: readonly T[], size = VALUES_PER_STATEMENT): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}
