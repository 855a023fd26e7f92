import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { projectRoot } from "../../src/paths.js";

const bin = join(projectRoot, "bin/sitrep.js");

function serve(args: string[], env: Record<string, string> = {}) {
  const child = spawn(process.execPath, [bin, "serve", ...args], { env: { ...process.env, SITREP_TOKEN: "", ...env }, stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const listening = new Promise<string>((resolve, reject) => {
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
      const m = /at (http:\/\/\S+?)\//.exec(stderr);
      if (m) resolve(m[1]!);
    });
    void exited.then(() => reject(new Error(`sitrep serve exited: ${stderr}`)));
  });
  return { child, listening, exited, stderr: () => stderr };
}

test("sitrep serve opens the store, answers on loopback and stops cleanly on SIGTERM", { timeout: 30_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), "sitrep-serve-cli-"));
  try {
    const run = serve(["--db", join(dir, "new.db"), "--port", "0"]);
    const url = await run.listening;
    assert.match(url, /^http:\/\/127\.0\.0\.1:\d+$/);
    const stats = (await (await fetch(`${url}/api/stats`)).json()) as { documents: number };
    assert.equal(stats.documents, 0);
    assert.equal((await fetch(`${url}/`)).status, 200);
    run.child.kill("SIGTERM");
    assert.equal(await run.exited, 0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("sitrep serve refuses a non-loopback address without SITREP_TOKEN, saying why", { timeout: 30_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), "sitrep-serve-cli-"));
  try {
    const run = serve(["--db", join(dir, "new.db"), "--host", "0.0.0.0", "--port", "0"]);
    run.listening.catch(() => {});
    assert.notEqual(await run.exited, 0);
    assert.match(run.stderr(), /SITREP_TOKEN/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
