import { setTimeout as pause } from "node:timers/promises";

/** Waits until `condition` holds, failing with `what` after `ms`: outcomes are awaited, never timed. */
export async function waitFor(what: string, condition: () => boolean | Promise<boolean>, ms = 30_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await pause(50);
  }
}
