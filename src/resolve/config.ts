import { activeCodebook, perCodebook } from "../codebook/load.js";

/** The resolver's weights and thresholds, as codebook/resolve.yaml states them. */
export interface ResolveConfig {
  link: { threshold: number; thresholdOneSided: number; textWeight: number };
  place: { sameKm: number; radiusKm: number };
  agreement: {
    attackTypes: number;
    targetTypes: number;
    nationality: number;
    perpetrators: number;
    weapons: number;
    eventType: number;
    killed: number;
  };
  disagreement: { targetTypes: number; perpetrators: number; eventType: number };
  killedTolerance: { ratio: number; absolute: number };
  stopwords: string[];
}


export function resolveConfig(): ResolveConfig {
  return loaded(activeCodebook()).config;
}

export function stopwords(): Set<string> {
  return loaded(activeCodebook()).stopwords;
}

const loaded = perCodebook((book) => {
  const config: ResolveConfig = book.resolve;
  return { config, stopwords: new Set(config.stopwords.map(String)) };
});
