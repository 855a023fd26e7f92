import { loadCodebook } from "../codebook/load.js";

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

let cached: { config: ResolveConfig; stopwords: Set<string> } | undefined;

export function resolveConfig(): ResolveConfig {
  return loaded().config;
}

export function stopwords(): Set<string> {
  return loaded().stopwords;
}

function loaded() {
  if (!cached) {
    const config = loadCodebook<ResolveConfig>("resolve");
    cached = { config, stopwords: new Set(config.stopwords.map(String)) };
  }
  return cached;
}
