import { Command } from "commander";
import { fetchDocument, fetchFeed, type FetchOptions } from "../ingest/fetch.js";
import { readSources } from "../ingest/sources.js";
import { ingestItems, type IngestReport } from "../ingest/service.js";
import type { SourceItem } from "../ingest/types.js";
import { enqueueItems } from "../jobs/enqueue.js";
import { openQueue } from "../jobs/queue.js";
import { openStore } from "../store/open.js";
import type { IngestOutcome } from "../store/store.js";
import { redactedUrl } from "../store/postgres/url.js";
import { estimateItems } from "./ingest-estimate.js";
import { addDbOption, addExtractOptions, addGuardOptions, addRuleOption, addThreadsOption, type ExtractFlags, extractorOf, type GuardFlags, guardOf, positiveNumber, ruleFrom, wholeNumber } from "./options.js";
import { progressBar } from "./progress.js";

interface IngestFlags extends ExtractFlags, GuardFlags {
  db: string;
  url: string[];
  feed: string[];
  timeout: number;
  maxBytes?: number;
  maxRedirects?: number;
  rule: string;
  queue?: boolean;
  expire: number;
  retries: number;
  threads: number;
}

const collect = (value: string, previous: string[]) => [...previous, value];

async function* sourceItems(paths: string[], flags: IngestFlags): AsyncGenerator<SourceItem> {
  yield* readSources(paths, flags.maxBytes === undefined ? {} : { maxBytes: flags.maxBytes });
  const fetching: FetchOptions = { ...guardOf(flags), timeoutMs: flags.timeout * 1000 };
  if (flags.maxBytes !== undefined) fetching.maxBytes = flags.maxBytes;
  if (flags.maxRedirects !== undefined) fetching.maxRedirects = flags.maxRedirects;
  for (const url of flags.url) yield await fetchDocument(url, fetching);
  for (const url of flags.feed) yield* await fetchFeed(url, fetching);
}

export function ingestCommand(): Command {
  const command = new Command("ingest")
    .description("Read articles (files, folders, JSONL, .txt, .html, RSS/Atom feeds, URLs), extract their events and store them")
    .argument("[paths...]", "files and folders (read recursively)")
    .option("--url <url>", "fetch an article page (repeatable)", collect, [])
    .option("--feed <url>", "fetch an RSS or Atom feed and ingest its items (repeatable)", collect, [])
    .option("--timeout <seconds>", "time allowed for each fetch", positiveNumber, 10)
    .option("--max-bytes <n>", "refuse files, JSONL lines and fetched bodies larger than this (default: 20 MB for files, 5 MB fetched)", wholeNumber)
    .option("--max-redirects <n>", "redirects a fetch may follow (default 5)", wholeNumber)
    .option("--queue", "queue the documents as jobs for `sitrep worker` (PostgreSQL stores) instead of storing them here")
    .option("--expire <seconds>", "with --queue: a job a worker holds this long is taken to be lost and is retried", positiveNumber, 600)
    .option("--retries <n>", "with --queue: how often a failed or lost job is tried again", wholeNumber, 5);
  addGuardOptions(command, "--url and --feed");
  addExtractOptions(command);
  addThreadsOption(command);
  addDbOption(command);
  addRuleOption(command);
  return command.action(async (paths: string[], flags: IngestFlags) => {
    if (paths.length === 0 && flags.url.length === 0 && flags.feed.length === 0) {
      throw new Error("nothing to ingest: give files or folders, --url or --feed");
    }
    process.exitCode = await (flags.queue ? runEnqueue(paths, flags) : runIngest(paths, flags));
  });
}

async function runIngest(paths: string[], flags: IngestFlags): Promise<number> {
  const extract = extractorOf(flags);
  const store = await openStore({ db: flags.db, rule: ruleFrom(flags) }).catch(async (err: Error) => {
    await extract.close();
    throw err;
  });
  const started = Date.now();
  const bar = progressBar("documents");
  // Only a bar shows the total; counting runs beside the ingest and sets it when done.
  if (process.stderr.isTTY) void estimateItems(paths, flags.url.length + flags.feed.length).then((n) => bar.total(n));
  // A document kept under another id than its own (its text stored before, or its URL's earlier
  // version) is said, so that nobody looks for it under the id they gave.
  const renamed: string[] = [];
  try {
    const report = await ingestItems(store, sourceItems(paths, flags), {
      extract,
      onItem: (result) => {
        bar.tick("outcome" in result);
        if ("outcome" in result && result.outcome.documentId !== result.id) renamed.push(renamedNotice(result.origin, result.id, result.outcome));
      },
    });
    bar.stop();
    for (const line of renamed) process.stderr.write(line);
    for (const { origin, reason } of report.errors) process.stderr.write(`${origin}: ${reason}\n`);
    process.stderr.write(`sitrep: ${reportSummary(report, (Date.now() - started) / 1000)} into ${flags.db}\n`);
    return report.errors.length > 0 ? 1 : 0;
  } finally {
    bar.stop();
    await extract.close();
    await store.close();
  }
}

async function runEnqueue(paths: string[], flags: IngestFlags): Promise<number> {
  const boss = await openQueue(flags.db);
  const bar = progressBar("documents");
  if (process.stderr.isTTY) void estimateItems(paths, flags.url.length + flags.feed.length).then((n) => bar.total(n));
  try {
    const report = await enqueueItems(boss, sourceItems(paths, flags), { expireSeconds: flags.expire, retries: flags.retries, onItem: (queued) => bar.tick(queued) });
    bar.stop();
    for (const { origin, reason } of report.errors) process.stderr.write(`${origin}: ${reason}\n`);
    process.stderr.write(`sitrep: queued ${report.documents} documents in ${report.jobs} jobs, ${report.errors.length} errors, at ${redactedUrl(flags.db)}\n`);
    return report.errors.length > 0 ? 1 : 0;
  } finally {
    bar.stop();
    await boss.stop({ graceful: false, wait: true });
  }
}

function renamedNotice(origin: string, id: string, outcome: IngestOutcome): string {
  const why = outcome.status === "duplicate" ? "the same text as" : "a new version of";
  return `${origin}: ${id} is ${why} stored document ${outcome.documentId}, and is kept under that id\n`;
}

function reportSummary(report: IngestReport, seconds: number): string {
  const stored = report.new + report.versions;
  const rate = seconds > 0 ? ` (${Math.round((stored + report.duplicates) / seconds)} documents/s)` : "";
  return (
    `ingested ${report.new} new, ${report.versions} versions, ${report.duplicates} duplicates, ${report.errors.length} errors; ` +
    `${report.mentions} mentions in ${seconds.toFixed(1)} s${rate}`
  );
}
