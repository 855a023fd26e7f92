import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

// Each benchmark runs in its own process, so one's memory never weighs on another's figures.
// `npm run bench -- extract resolve` runs only those named.
const benches = ["extract", "document", "dates", "casualties", "gazetteer", "ingest", "resolve", "server", "workers", "watch"];
const only = process.argv.slice(2);

for (const name of benches) {
  if (only.length && !only.includes(name)) continue;
  const script = fileURLToPath(new URL(`./${name}.js`, import.meta.url));
  console.log(`\n== ${name}`);
  const r = spawnSync(process.execPath, [script], { stdio: "inherit" });
  if (r.status !== 0) process.exitCode = 1;
}
