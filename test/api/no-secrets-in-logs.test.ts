import { randomBytes } from "node:crypto";
import { connectThroughOAuth, type LocalSystem, startLocalSystem } from "@rapport/local";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphEvent } from "../support/graph-fixtures.ts";
import { callApi, devToken, secretPieces } from "../support/tokens.ts";

// Issue 6: no token, clientState or validation token appears in logs. Everything the process
// writes (stdout, stderr, console) is captured at DEBUG level while the system signs two
// mailboxes in, takes notifications, answers a handshake, refreshes tokens and serves bearer
// calls; every secret seen on the wire meanwhile is then looked for in that output.
let system: LocalSystem;
const MS_USER = "logs-ms@northwind-logs.example";
const GOOGLE_USER = "logs-g@northwind-logs.example";
const secrets = new Set<string>();
const output: string[] = [];
const restore: Array<() => void> = [];

function keep(value: unknown) {
  if (typeof value !== "string" || value.length < 8) return;
  for (const piece of value.includes(".") ? secretPieces(value) : [value]) secrets.add(piece);
  // Logs may carry a value URL-encoded.
  secrets.add(encodeURIComponent(value));
}

/** Everything written by this process from now on, and every credential crossing fetch. */
function capture() {
  for (const stream of [process.stdout, process.stderr]) {
    const write = stream.write.bind(stream);
    stream.write = ((chunk: unknown, ...rest: unknown[]) => {
      output.push(typeof chunk === "string" ? chunk : Buffer.from(chunk as Uint8Array).toString("utf8"));
      return (write as (...a: unknown[]) => boolean)(chunk, ...rest);
    }) as typeof stream.write;
    restore.push(() => {
      stream.write = write as typeof stream.write;
    });
  }
  for (const level of ["log", "info", "warn", "error", "debug", "trace"] as const) {
    const original = console[level];
    console[level] = (...args: unknown[]) => {
      output.push(args.map((a) => (typeof a === "string" ? a : JSON.stringify(a))).join(" "));
      original(...args);
    };
    restore.push(() => {
      console[level] = original;
    });
  }
  const originalFetch = globalThis.fetch;
  globalThis.fetch = async (input, init) => {
    const response = await originalFetch(input, init);
    const location = response.headers.get("location");
    if (location) {
      const params = new URL(location, "http://x").searchParams;
      for (const name of ["code", "state", "session_state"]) keep(params.get(name));
    }
    for (const cookie of response.headers.getSetCookie()) keep(cookie.split(";")[0]?.split("=")[1]);
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    if (/\/token(\?|$)/.test(new URL(url).pathname) && response.ok) {
      const body = (await response
        .clone()
        .json()
        .catch(() => ({}))) as Record<string, unknown>;
      for (const key of ["access_token", "refresh_token", "id_token"]) keep(body[key]);
    }
    return response;
  };
  restore.push(() => {
    globalThis.fetch = originalFetch;
  });
}

function undoCapture() {
  for (let undo = restore.pop(); undo; undo = restore.pop()) undo();
}

async function keepSubscriptionSecrets() {
  for (const email of [MS_USER, GOOGLE_USER]) {
    const user = await system.store.users.getByEmail(email);
    if (!user) throw new Error(`${email} did not connect`);
    keep(user.unsubscribeToken);
    for (const s of await system.store.subscriptions.listForUser(user.userId)) keep(s.secret);
  }
}

const soon = (days: number, hour = 10) =>
  new Date(Date.now() + days * 86_400_000 + hour * 3_600_000).toISOString();

function msEvent(id: string, attendee: string) {
  return graphEvent({
    id,
    subject: `Review ${id}`,
    start: soon(2),
    end: soon(2, 11),
    organizer: MS_USER,
    isOrganizer: true,
    attendees: [{ email: attendee, response: "accepted" }],
    createdDateTime: new Date(Date.now() - 86_400_000).toISOString(),
  });
}

function googleEvent(id: string, attendee: string) {
  return {
    id,
    status: "confirmed",
    summary: `Sync ${id}`,
    created: new Date(Date.now() - 86_400_000).toISOString(),
    updated: new Date().toISOString(),
    start: { dateTime: soon(3) },
    end: { dateTime: soon(3, 11) },
    organizer: { email: GOOGLE_USER, self: true },
    creator: { email: GOOGLE_USER, self: true },
    attendees: [
      { email: GOOGLE_USER, self: true, organizer: true, responseStatus: "accepted" },
      { email: attendee, responseStatus: "needsAction" },
    ],
    iCalUID: `${id}@google.example`,
  };
}

beforeAll(async () => {
  capture();
  system = await startLocalSystem({
    memory: true,
    port: 0,
    coalesceMs: 0,
    env: { ...process.env, LOG_LEVEL: "DEBUG" },
  });
  keep(system.config.microsoft.clientSecret);
  keep(system.config.google.clientSecret);
  const graph = system.emulators.graph?.admin;
  const google = system.emulators.google?.admin;
  if (!graph || !google) throw new Error("emulators missing");

  // Sign-in over the OAuth redirects, subscription/channel creation (with Graph's handshake), backfill.
  graph.addMailbox({ email: MS_USER, name: "Logs MS", timeZone: "UTC" });
  graph.upsertEvent(MS_USER, "l1", msEvent("l1", "ana@contoso.example"));
  google.addMailbox({ email: GOOGLE_USER, name: "Logs G" });
  google.upsertEvent(GOOGLE_USER, googleEvent("g1", "raj@fabrikam.example"));
  await connectThroughOAuth(system.apiUrl, "microsoft", MS_USER);
  await connectThroughOAuth(system.apiUrl, "google", GOOGLE_USER);
  await system.drain();
  await keepSubscriptionSecrets();

  // Notifications carrying the real clientState / channel token, sent by the emulators.
  graph.upsertEvent(MS_USER, "l2", msEvent("l2", "lee@litware.example"));
  google.upsertEvent(GOOGLE_USER, googleEvent("g2", "kim@adatum.example"));
  await system.drain();

  // A validation handshake with a distinctive token.
  const validationToken = `validation-${randomBytes(18).toString("base64url")}`;
  keep(validationToken);
  const handshake = await fetch(`${system.apiUrl}/webhooks/microsoft?validationToken=${validationToken}`, {
    method: "POST",
  });
  expect(await handshake.text()).toBe(validationToken);

  // Forgotten access tokens: the next sync refreshes with the stored refresh tokens.
  system.forgetAccessTokens();
  graph.upsertEvent(MS_USER, "l3", msEvent("l3", "sam@northwind-logs.example"));
  google.upsertEvent(GOOGLE_USER, googleEvent("g3", "nina@fabrikam.example"));
  await system.drain();
  await system.runJob("renew-subscriptions");
  await keepSubscriptionSecrets();

  // Bearer calls with each kind of token, accepted and refused.
  const bearers = [
    await devToken(system.apiUrl, MS_USER),
    await graph.issueApiToken({ email: MS_USER }),
    await google.idToken({ email: GOOGLE_USER, audience: system.config.google.clientId ?? "" }),
    await graph.issueApiToken({ email: MS_USER, audience: "api://wrong" }),
    await graph.issueApiToken({ email: MS_USER, scopes: ["User.Read"] }),
  ];
  for (const token of bearers) {
    keep(token);
    for (const path of ["/api/v1/me", "/api/v1/suggestions", "/api/v1/reports/weekly?format=text"]) {
      await callApi(system.apiUrl, path, { token });
    }
  }
  // A callback with a made-up code, and the unsubscribe link with the real token.
  const fakeCode = `code-${randomBytes(12).toString("hex")}`;
  keep(fakeCode);
  await fetch(`${system.apiUrl}/auth/microsoft/callback?code=${fakeCode}&state=state-${fakeCode}`);
  const user = await system.store.users.getByEmail(MS_USER);
  await fetch(`${system.apiUrl}/unsubscribe?u=${user?.userId}&t=${user?.unsubscribeToken}`);
  undoCapture();
}, 120_000);
afterAll(async () => {
  undoCapture();
  await system?.stop();
});

describe("logs", () => {
  it("the capture saw the system's JSON log lines and the secrets it must look for", () => {
    const lines = output
      .join("")
      .split("\n")
      .filter((l) => l.startsWith("{"));
    expect(lines.some((l) => l.includes('"account connected"'))).toBe(true);
    expect(lines.some((l) => l.includes('"graph notifications"'))).toBe(true);
    expect(lines.some((l) => l.includes('"google push"'))).toBe(true);
    // Both refresh tokens, subscription secrets, codes, bearer tokens: well over a dozen values.
    expect(secrets.size).toBeGreaterThan(20);
  });

  it("no token, clientState, channel token, validation token, code or client secret appears in them", () => {
    const text = output.join("");
    const leaked = [...secrets].filter((secret) => text.includes(secret));
    expect(leaked.map((s) => `${s.slice(0, 12)}…`)).toEqual([]);
  });

  it("nothing shaped like a JWT or an OAuth code parameter appears in them", () => {
    const text = output.join("");
    expect(text.match(/eyJ[\w-]+\.[\w-]+\.[\w-]+/g) ?? []).toEqual([]);
    expect(text.match(/[?&]code=[^&\s"]+/g) ?? []).toEqual([]);
  });
});
