/**
 * Jaccard similarity of two word sets: rewrites of one report share about half their content
 * words, reports of different happenings a few. Sentences are short, so the exact figure costs
 * less than a MinHash estimate would.
 */
export function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const w of small) if (large.has(w)) shared++;
  return shared / (a.size + b.size - shared);
}
