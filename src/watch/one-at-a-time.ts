import { setImmediate as yieldToEvents } from "node:timers/promises";

/**
 * Runs the functions it is given one after another, in the order given, letting the event loop
 * (sockets, timers) in between. Reading and storing a feed's items holds the process's one thread
 * in long stretches (article text, extraction, the store's writes, which run on as promise
 * continuations without letting timers or sockets in): taken in turn, with the events handled
 * between turns, the polls' fetches are answered, not timed out behind many stretches.
 */
export class OneAtATime {
  private last: Promise<unknown> = Promise.resolve();

  run<T>(fn: () => Promise<T>): Promise<T> {
    const result = this.last.then(() => yieldToEvents()).then(fn);
    this.last = result.catch(() => {});
    return result;
  }
}
