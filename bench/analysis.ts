import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import {
  generateMailbox,
  interactionsFromMeeting,
  interactionsFromMessage,
  type Mailbox,
  type UserContext,
} from "@rapport/analysis";
import type { Meeting, MeetingSnapshot, User } from "@rapport/core";
import { startDynamoDbLocal } from "@rapport/local";
import { createInProcessSyncQueue, createLocalTokenVault, createLogger, fixedClock } from "@rapport/platform";
import { createDynamoClient, createStore, createTable, type Store } from "@rapport/store";
import {
  applyMeetingSnapshot,
  ChangeScope,
  createAnalysisPipeline,
  refreshContact,
  type SyncDeps,
} from "@rapport/sync";
// Relative until the root package.json lists @rapport/providers among its devDependencies.
import { createProviderRegistry } from "../packages/providers/src/index.ts";

/**
 * `pnpm bench:analysis`: the real analysis pipeline against DynamoDB Local holding a generated
 * 5-year mailbox (2,000 contacts, 50,000 interactions). Full re-analysis (the daily job) versus
 * the incremental run after one meeting changed, with wall time, memory and DynamoDB requests.
 * Prints figures; asserts nothing. Also exports the store loader that bench/report.ts uses.
 */
export const BENCH_NOW = "2026-11-24T08:00:00.000Z";
export const BENCH_SPEC = { years: 5, contacts: 2000, interactions: 50_000, seed: 20261124, now: BENCH_NOW };
const KEY_CONTACTS = 20;
const TARGETS = 5;

/** Every DynamoDB request, counted where the SDK client sends it, with the items it returned. */
export interface RequestTally {
  requests: number;
  itemsRead: number;
  /** requests and items per access pattern, e.g. "Query interactions of one contact". */
  byPattern: Map<string, { requests: number; items: number }>;
}

export const newTally = (): RequestTally => ({ requests: 0, itemsRead: 0, byPattern: new Map() });

export interface BenchStore {
  store: Store;
  deps: SyncDeps;
  user: User;
  context: UserContext;
  mailbox: Mailbox;
  interactionCount: number;
  loadMs: number;
  /** The tally requests are counted into; swap it with `counting`. */
  counting(tally: RequestTally): void;
  stop(): Promise<void>;
}

/** DynamoDB Local in memory, the table, and the generated mailbox stored as the sync engine stores it. */
export async function openBenchStore(): Promise<BenchStore> {
  const dynamo = await startDynamoDbLocal();
  const vaultDir = await mkdtemp(join(tmpdir(), "rapport-bench-"));
  const client = createDynamoClient({ endpoint: dynamo.endpoint });
  let tally = newTally();
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const result = await next(args);
      const shape = (value: unknown) => value as Record<string, unknown>;
      count(tally, context.commandName ?? "?", shape(args.input), shape(result.output));
      return result;
    },
    { step: "initialize", name: "benchRequestCounter" },
  );
  const tableName = "rapport-bench";
  await createTable(client, tableName);
  const store = createStore({ client, tableName });
  const clock = fixedClock(BENCH_NOW);
  const deps: SyncDeps = {
    store,
    clock,
    logger: createLogger("bench", { logLevel: "ERROR" }),
    queue: createInProcessSyncQueue({ handle: async () => {} }),
    vault: createLocalTokenVault({ keyFile: join(vaultDir, "token-key") }),
    providers: createProviderRegistry({
      endpoints: {
        graphBaseUrl: "http://127.0.0.1:9",
        msLoginBaseUrl: "http://127.0.0.1:9",
        googleApiRootUrl: "http://127.0.0.1:9/",
        googleOAuthBaseUrl: "http://127.0.0.1:9",
        googleAuthBaseUrl: "http://127.0.0.1:9",
      },
      credentials: {
        microsoft: { clientId: "bench", clientSecret: "bench" },
        google: { clientId: "bench", clientSecret: "bench" },
      },
      clock: () => clock.now(),
    }),
    publicBaseUrl: "http://127.0.0.1:9",
  };

  const started = performance.now();
  const mailbox = generateMailbox(BENCH_SPEC);
  const context = mailbox.user;
  const user: User = {
    userId: context.userId,
    email: context.email,
    name: "Bench User",
    settings: context.settings,
    createdAt: BENCH_NOW,
    updatedAt: BENCH_NOW,
  };
  await store.users.create(user);
  await eachLimited(mailbox.meetings, 8, (m) => store.meetings.put(m));
  const interactions = [
    ...mailbox.meetings.flatMap((m) => interactionsFromMeeting(m, context)),
    ...mailbox.messages.flatMap((m) => interactionsFromMessage(m, context)),
  ];
  const batches = Array.from({ length: Math.ceil(interactions.length / 500) }, (_, i) =>
    interactions.slice(i * 500, i * 500 + 500),
  );
  await eachLimited(batches, 4, (batch) => store.interactions.putMany(batch));
  // The aggregates the sync engine's afterSync writes for everyone a backfill touched.
  const people = [...new Set(interactions.map((i) => i.contactEmail))];
  await eachLimited(people, 4, (email) => refreshContact(deps, context, email, undefined, clock.now()));
  // What a user sets in the sidebar: a few key contacts among the closest, a few targets in the tail.
  for (const email of mailbox.people.slice(0, KEY_CONTACTS))
    await store.contacts.setOverrides(context.userId, email, { key: true }, BENCH_NOW);
  for (const email of mailbox.people.slice(-TARGETS))
    await store.contacts.setOverrides(context.userId, email, { level: "target" }, BENCH_NOW);
  const loadMs = performance.now() - started;

  return {
    store,
    deps,
    user,
    context,
    mailbox,
    interactionCount: interactions.length,
    loadMs,
    counting: (next) => {
      tally = next;
    },
    stop: async () => {
      client.destroy();
      await dynamo.stop();
      await rm(vaultDir, { recursive: true, force: true });
    },
  };
}

function count(
  tally: RequestTally,
  command: string,
  input: Record<string, unknown>,
  output: Record<string, unknown>,
) {
  const responses = (output.Responses ?? {}) as Record<string, unknown[]>;
  const items =
    ((output.Items as unknown[] | undefined)?.length ?? 0) +
    (output.Item ? 1 : 0) +
    Object.values(responses).reduce((n, list) => n + list.length, 0);
  const name = command.replace(/Command$/, "");
  const pattern = `${name} ${name === "Query" ? queryPattern(input) : entityOf(name, input)}`.trim();
  const entry = tally.byPattern.get(pattern) ?? { requests: 0, items: 0 };
  entry.requests += 1;
  entry.items += items;
  tally.byPattern.set(pattern, entry);
  tally.requests += 1;
  tally.itemsRead += items;
}

const text = (v: unknown) => (typeof v === "string" ? v : ((v as { S?: string } | undefined)?.S ?? ""));

/** The entity a single-item or batch request touches, from its sort key ("CONTACT#...": contact). */
function entityOf(command: string, input: Record<string, unknown>): string {
  const sortKey = (key: unknown) => text((key as Record<string, unknown> | undefined)?.sk);
  let sk = sortKey(input.Key ?? input.Item);
  if (command === "BatchGetItem") {
    const [table] = Object.values((input.RequestItems ?? {}) as Record<string, { Keys?: unknown[] }>);
    sk = sortKey(table?.Keys?.[0]);
  }
  return sk.split("#")[0]?.toLowerCase() ?? "";
}

/** Names a query by the key it reads (see packages/store/src/keys.ts). */
function queryPattern(input: Record<string, unknown>): string {
  const values = (input.ExpressionAttributeValues ?? {}) as Record<string, unknown>;
  const partition = text(values[":p"]);
  const prefix = text(values[":a"]);
  if (partition.includes("#WITH#")) return "interactions of one contact";
  if (partition.endsWith("#INTERACTIONS")) return "interactions by time";
  if (partition.endsWith("#MEETINGS")) return "meetings by start";
  if (partition.includes("#MEETING_SUGGESTIONS#")) return "suggestions of one meeting";
  if (partition.includes("#CONTACT_SUGGESTIONS#")) return "suggestions of one contact";
  if (partition.includes("#SUGGESTIONS#")) return "suggestions by state";
  if (partition.includes("#DOMAIN#")) return "contacts of one domain";
  if (partition.endsWith("#CHOSEN_CONTACTS")) return "contacts with user choices";
  if (prefix === "CONTACT#") return "all contacts";
  if (prefix === "SUGGESTION#") return "all suggestions";
  if (prefix.startsWith("INTERACTION#")) return "interactions of one source";
  return "other";
}

async function eachLimited<T>(items: T[], limit: number, work: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await work(items[next++] as T);
  };
  await Promise.all(Array.from({ length: limit }, lane));
}

export interface Measured<T> {
  result: T;
  ms: number;
  peakRssMiB: number;
  /** Highest heapUsed seen during the run minus heapUsed just before it (after a GC). */
  heapGrowthMiB: number;
}

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;
const MiB = 1024 * 1024;

/** Resident set size after a full GC: the baseline the peaks are read against. */
export function rssMiB(): number {
  gc();
  return Math.round(process.memoryUsage().rss / MiB);
}

/** Wall time and memory of one run; memory sampled every 20 ms (and at both ends). */
export async function measure<T>(run: () => Promise<T>): Promise<Measured<T>> {
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  let peakRss = 0;
  let peakHeap = heapBefore;
  const sample = () => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  };
  sample();
  const timer = setInterval(sample, 20);
  const started = performance.now();
  try {
    const result = await run();
    const ms = performance.now() - started;
    sample();
    return { result, ms, peakRssMiB: peakRss / MiB, heapGrowthMiB: (peakHeap - heapBefore) / MiB };
  } finally {
    clearInterval(timer);
  }
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** The provider's next view of `meeting`: one more attendee, edited a minute later. */
function withAddedAttendee(meeting: Meeting, email: string, at: string): MeetingSnapshot {
  const {
    userId: _u,
    firstSeenAt: _f,
    updatedAt: _up,
    history: _h,
    attendeeFirstSeen: _a,
    ...snapshot
  } = meeting;
  return {
    ...snapshot,
    attendees: [...snapshot.attendees, { email, type: "required", response: "needsAction" }],
    lastModifiedAt: at,
  };
}

interface Row {
  label: string;
  ms: number;
  rss: number;
  heap: number;
  requests: number;
  items: number;
}

async function main() {
  const FULL_RUNS = Number(process.env.BENCH_FULL_RUNS ?? 3);
  const INCREMENTAL_RUNS = Number(process.env.BENCH_INCREMENTAL_RUNS ?? 5);
  const bench = await openBenchStore();
  try {
    const { deps, context, mailbox, user } = bench;
    console.log(
      `loaded ${mailbox.meetings.length} meetings, ${mailbox.messages.length} messages, ${bench.interactionCount} interactions, ` +
        `${BENCH_SPEC.contacts} contacts (${KEY_CONTACTS} key, ${TARGETS} targets) in ${(bench.loadMs / 1000).toFixed(1)} s (not counted); ` +
        `RSS after load ${rssMiB()} MiB`,
    );
    const pipeline = createAnalysisPipeline(deps);
    const clock = deps.clock as ReturnType<typeof fixedClock>;

    const runOnce = async (
      label: string,
      work: () => Promise<unknown>,
    ): Promise<{ row: Row; tally: RequestTally }> => {
      const tally = newTally();
      bench.counting(tally);
      const m = await measure(work);
      bench.counting(newTally());
      return {
        row: {
          label,
          ms: m.ms,
          rss: m.peakRssMiB,
          heap: m.heapGrowthMiB,
          requests: tally.requests,
          items: tally.itemsRead,
        },
        tally,
      };
    };

    // The first run writes every suggestion; the daily job afterwards finds them in place.
    const first = await runOnce("full, first run (writes all suggestions)", () =>
      pipeline.reanalyzeUser(user),
    );
    const full: Row[] = [];
    let fullTally = first.tally;
    for (let i = 0; i < FULL_RUNS; i++) {
      const run = await runOnce("full", () => pipeline.reanalyzeUser(user));
      full.push(run.row);
      fullTally = run.tally;
    }

    const nowMs = Date.parse(BENCH_NOW);
    const upcoming = mailbox.meetings.filter(
      (m) =>
        Date.parse(m.start) > nowMs && !m.isCancelled && m.attendees.length >= 2 && m.attendees.length <= 5,
    );
    const incremental: Row[] = [];
    let incrementalTally = newTally();
    let scopeSizes = "";
    for (let i = 0; i < INCREMENTAL_RUNS; i++) {
      const meeting = upcoming[i % upcoming.length] as Meeting;
      clock.advance(60_000);
      const added = mailbox.people[200 + i] as string;
      const scope = new ChangeScope();
      await applyMeetingSnapshot(
        deps,
        context,
        withAddedAttendee(meeting, added, clock.now().toISOString()),
        scope,
      );
      const run = await runOnce("incremental", () => pipeline.afterSync(context, scope));
      incremental.push(run.row);
      incrementalTally = run.tally;
      scopeSizes += `\n  run ${i + 1}: ${scope.meetings.size} meeting, ${scope.contacts.size} people -> ${Math.round(run.row.ms)} ms, ${run.row.requests} requests, ${run.row.items} items`;
    }

    const summary = (label: string, rows: Row[]): Row => ({
      label: `${label} (median of ${rows.length})`,
      ms: median(rows.map((r) => r.ms)),
      rss: median(rows.map((r) => r.rss)),
      heap: median(rows.map((r) => r.heap)),
      requests: median(rows.map((r) => r.requests)),
      items: median(rows.map((r) => r.items)),
    });
    const fullRow = summary("full re-analysis", full);
    const incRow = summary("incremental, one meeting changed", incremental);
    printTable([first.row, fullRow, incRow]);
    console.log(
      `\nincremental / full: time ${ratio(incRow.ms, fullRow.ms)}, DynamoDB requests ${ratio(incRow.requests, fullRow.requests)}, ` +
        `items read ${ratio(incRow.items, fullRow.items)}`,
    );
    console.log(`full runs: ${full.map((r) => `${Math.round(r.ms)} ms`).join(", ")}`);
    console.log(`incremental runs:${scopeSizes}`);
    printPatterns("last full run", fullTally);
    printPatterns("last incremental run", incrementalTally);
    console.log(
      `\n(Node ${process.version}, ${BENCH_SPEC.years} years, seed ${BENCH_SPEC.seed}, now ${BENCH_NOW}, ran ${new Date().toISOString()})`,
    );
  } finally {
    await bench.stop();
  }
}

const ratio = (a: number, b: number) => (b === 0 ? "n/a" : `${((a / b) * 100).toFixed(1)} %`);

function printTable(rows: Row[]) {
  console.log("\n| run | wall ms | peak RSS MiB | heap growth MiB | DynamoDB requests | items read |");
  console.log("|---|---:|---:|---:|---:|---:|");
  for (const r of rows) {
    console.log(
      `| ${r.label} | ${Math.round(r.ms)} | ${Math.round(r.rss)} | ${Math.round(r.heap)} | ${r.requests} | ${r.items} |`,
    );
  }
}

function printPatterns(title: string, tally: RequestTally) {
  console.log(`\n${title}: requests (items read) per access pattern`);
  const sorted = [...tally.byPattern.entries()].sort(
    (a, b) => b[1].items - a[1].items || b[1].requests - a[1].requests,
  );
  for (const [pattern, { requests, items }] of sorted) console.log(`  ${pattern}: ${requests} (${items})`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await main();
