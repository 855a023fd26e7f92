import { setTimeout as sleep } from "node:timers/promises";

/**
 * Spaces requests to one host at least `delayMs` apart, however many of its feeds and pages are
 * due at once: each request takes the next free turn of its host, in the order they ask.
 */
export class HostGate {
  private readonly nextTurn = new Map<string, number>();

  constructor(private readonly delayMs: number) {}

  async wait(url: string): Promise<void> {
    const host = new URL(url).hostname;
    const now = Date.now();
    const turn = Math.max(now, this.nextTurn.get(host) ?? 0);
    this.nextTurn.set(host, turn + this.delayMs);
    if (turn > now) await sleep(turn - now);
  }
}
