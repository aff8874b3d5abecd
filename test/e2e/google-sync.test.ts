import { connectThroughOAuth, type LocalSystem, startLocalSystem } from "@rapport/local";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  compareWithTruth,
  type GoogleAttendeeSpec,
  googleMailbox,
  googlePushes,
  mailInteractions,
  realTimeUntilSet,
  userIdOf,
} from "../support/google-fixtures.ts";

// Connect through the OAuth redirects, backfill, follow changes through Google push channels and
// syncToken / historyId rounds, with each of the Google emulator's fault knobs, over real HTTP.
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

// One system for the file (starting one costs seconds): real time first, a simulated month last.
const clock = realTimeUntilSet();
let system: LocalSystem;
beforeAll(async () => {
  // No coalescing delay: each push becomes its sync at once, which keeps the file fast.
  system = await startLocalSystem({ memory: true, port: 0, clock, coalesceMs: 0 });
}, 120_000);
afterAll(async () => system?.stop());

describe("Google Workspace end to end", () => {
  const today = new Date(new Date().toISOString().slice(0, 10));
  const slot = (n: number) => ({
    start: new Date(today.getTime() + (n + 1) * DAY + 10 * HOUR).toISOString(),
    end: new Date(today.getTime() + (n + 1) * DAY + 11 * HOUR).toISOString(),
    created: new Date(Date.now() - 3 * DAY).toISOString(),
  });
  const at = (id: string) => slot(Number(id.replace(/\D/g, "")) % 20);

  async function newMailbox(email: string) {
    const box = googleMailbox(system, email);
    await box.create();
    return { ...box, put: (id: string, attendees: GoogleAttendeeSpec[]) => box.put(id, attendees, at(id)) };
  }

  it("a connected mailbox is backfilled, and an attendee added later shows in the stored meeting with its time", async () => {
    const email = "casey@northwind-g2e.example";
    const box = await newMailbox(email);
    await box.put("g1", [{ email: "ana@contoso.example", responseStatus: "accepted" }]);
    await connectThroughOAuth(system.apiUrl, "google", email);
    await system.drain();
    const id = await userIdOf(system, email);
    expect((await system.store.connections.get(id, "google"))?.status).toBe("active");
    const before = await system.store.meetings.get(id, "google", "g1");
    expect(before?.attendees.map((a) => a.email)).toEqual(["ana@contoso.example"]);

    const pushesBefore = (await googlePushes(box.origin)).length;
    const addedAt = Date.now();
    await box.put("g1", [
      { email: "ana@contoso.example", responseStatus: "accepted" },
      { email: "sam@northwind-g2e.example" },
    ]);
    await system.drain();
    const delivered = (await googlePushes(box.origin)).slice(pushesBefore);
    expect(delivered.filter((p) => p.state === "exists" && p.status === 200)).toHaveLength(1);
    const after = await system.store.meetings.get(id, "google", "g1");
    const change = after?.history.find((h) => h.email === "sam@northwind-g2e.example");
    expect(change?.change).toBe("added");
    expect(Math.abs(Date.parse(change?.at ?? "") - addedAt)).toBeLessThan(MINUTE);
    expect(change?.existingAttendees.map((a) => a.email)).toContain("ana@contoso.example");
  });

  const knobs: Array<[string, Record<string, unknown>]> = [
    ["duplicate pushes", { duplicatePushes: true }],
    ["dropped pushes, recovered by the scheduled sync", { dropPushes: true }],
    ["an expired sync token (410)", { expireSyncTokens: true }],
    ["an expired Gmail history id (404)", { expireHistoryIds: true }],
  ];
  it.each(knobs)("with %s, the final store equals the emulator's truth", async (label, fault) => {
    const email = `knob-${label.replace(/\W+/g, "-")}@northwind-g2e.example`.toLowerCase().replace(/-@/, "@");
    const box = await newMailbox(email);
    await box.put("k1", [{ email: "ana@contoso.example" }]);
    await box.put("k2", [{ email: "raj@fabrikam.example" }]);
    await connectThroughOAuth(system.apiUrl, "google", email);
    await system.drain();

    await box.faults(fault);
    await box.message({
      id: `msg-${label.length}`,
      from: "Lee <lee@litware.example>",
      to: [email],
      subject: "Agenda",
      sentAt: new Date(Date.now() - MINUTE).toISOString(),
    });
    await box.put("k3", [{ email: "lee@litware.example" }]);
    await box.put("k1", [
      { email: "ana@contoso.example", responseStatus: "accepted" },
      { email: "sam@northwind-g2e.example" },
    ]);
    await box.remove("k2");
    await box.put("k4", [{ email: "kim@adatum.example" }]);
    await system.drain();
    // The knob bit: four changes made eight pushes, or none at all.
    const [subscription] = await system.store.subscriptions.listForUser(await userIdOf(system, email));
    const exists = (await googlePushes(box.origin)).filter(
      (p) => p.channelId === subscription?.subscriptionId && p.state === "exists",
    );
    if (fault.duplicatePushes) expect(exists.map((p) => p.status)).toEqual(Array(8).fill(200));
    if (fault.dropPushes) expect(exists).toEqual([]);
    if (fault.dropPushes) {
      // Nothing arrived by push, so the store is behind until the scheduled sync runs.
      const behind = await compareWithTruth(system, email);
      expect(behind.stored).not.toEqual(behind.expected);
      await box.faults({ dropPushes: false });
      await system.runJob("scheduled-sync");
    }
    await box.faults({ duplicatePushes: false, dropPushes: false });
    const { expected, stored } = await compareWithTruth(system, email);
    expect(stored).toEqual(expected);
    expect(expected).toHaveLength(3);
    expect((await mailInteractions(system, email, "lee@litware.example")).map((i) => i.direction)).toEqual([
      "inbound",
    ]);
  });

  it("429 and 403 rateLimitExceeded answers delay the sync, which then completes", async () => {
    const boxes = await Promise.all(
      ["rl-a@northwind-g2e.example", "rl-b@northwind-g2e.example"].map(newMailbox),
    );
    for (const [i, box] of boxes.entries()) {
      await box.put(`r${i}`, [{ email: "ana@contoso.example" }]);
    }
    for (const email of ["rl-a@northwind-g2e.example", "rl-b@northwind-g2e.example"]) {
      await connectThroughOAuth(system.apiUrl, "google", email);
    }
    await system.drain();
    // Two concurrent syncs meet the next two calls: one 429, one 403 rateLimitExceeded.
    await boxes[0]?.faults({ rateLimitNext: 2 });
    await Promise.all(boxes.map((box, i) => box.put(`r${i + 5}`, [{ email: "raj@fabrikam.example" }])));
    await system.emulators.flush();
    const deferred = async () => {
      const ids = await Promise.all(
        ["rl-a@northwind-g2e.example", "rl-b@northwind-g2e.example"].map((e) => userIdOf(system, e)),
      );
      const connections = await Promise.all(ids.map((id) => system.store.connections.get(id, "google")));
      return connections.every((c) => c?.retryAfter !== undefined);
    };
    await expect.poll(deferred, { timeout: 10_000, interval: 50 }).toBe(true);
    const faults = (await boxes[0]?.faults({})) as { rateLimitNext: number };
    expect(faults.rateLimitNext).toBe(0);

    await system.drain();
    for (const email of ["rl-a@northwind-g2e.example", "rl-b@northwind-g2e.example"]) {
      const { expected, stored } = await compareWithTruth(system, email);
      expect(stored).toEqual(expected);
      expect(expected).toHaveLength(2);
      const connection = await system.store.connections.get(await userIdOf(system, email), "google");
      expect(connection?.retryAfter).toBeUndefined();
    }
  }, 45_000);

  it("a Gmail message reaches the store as interactions after a calendar push, and after the scheduled sync", async () => {
    const email = "mail@northwind-g2e.example";
    const box = await newMailbox(email);
    await box.put("m1", [{ email: "ana@contoso.example" }]);
    await connectThroughOAuth(system.apiUrl, "google", email);
    await system.drain();

    // Whole seconds: the Date header, which carries the sent time, has no finer precision.
    const sentAt = new Date(Math.floor((Date.now() - 5 * MINUTE) / 1000) * 1000).toISOString();
    await box.message({
      id: "gm-1",
      from: `Casey <${email}>`,
      to: ["ana@contoso.example"],
      cc: ["raj@fabrikam.example"],
      subject: "Hello",
      sentAt,
    });
    await box.put("m1", [{ email: "ana@contoso.example", responseStatus: "accepted" }]);
    await system.drain();
    const toAna = await mailInteractions(system, email, "ana@contoso.example");
    expect(toAna.map((i) => [i.sourceId, i.direction, i.initiatedBy, i.at])).toEqual([
      ["gm-1", "outbound", "user", sentAt],
    ]);
    expect((await mailInteractions(system, email, "raj@fabrikam.example")).map((i) => i.sourceId)).toEqual([
      "gm-1",
    ]);

    const replyAt = new Date(Date.now() - MINUTE).toISOString();
    await box.message({
      id: "gm-2",
      threadId: "gm-1",
      from: "Ana <ana@contoso.example>",
      to: [email],
      subject: "Re: Hello",
      sentAt: replyAt,
    });
    await system.drain();
    expect((await mailInteractions(system, email, "ana@contoso.example")).map((i) => i.sourceId)).toEqual([
      "gm-1",
    ]);
    await system.runJob("scheduled-sync");
    const after = await mailInteractions(system, email, "ana@contoso.example");
    expect(after.map((i) => [i.sourceId, i.direction, i.threadId])).toEqual([
      ["gm-1", "outbound", "gm-1"],
      ["gm-2", "inbound", "gm-1"],
    ]);
  });

  // Last: revoking clears every refresh token the emulator issued, not only this mailbox's.
  it("a revoked grant marks the connection needs-reauth, and reconnecting restores the sync", async () => {
    const email = "revoked@northwind-g2e.example";
    const box = await newMailbox(email);
    await box.put("v1", [{ email: "ana@contoso.example" }]);
    await connectThroughOAuth(system.apiUrl, "google", email);
    await system.drain();
    await box.faults({ revokeRefreshTokens: true });
    // Access tokens outlive the revocation; make the next sync need a refresh.
    system.forgetAccessTokens();
    await box.put("v2", [{ email: "raj@fabrikam.example" }]);
    await system.drain();
    const id = await userIdOf(system, email);
    expect((await system.store.connections.get(id, "google"))?.status).toBe("needs-reauth");
    expect(await system.store.meetings.get(id, "google", "v2")).toBeUndefined();

    await connectThroughOAuth(system.apiUrl, "google", email);
    await system.drain();
    expect((await system.store.connections.get(id, "google"))?.status).toBe("active");
    const { expected, stored } = await compareWithTruth(system, email);
    expect(stored).toEqual(expected);
    expect(expected).toHaveLength(2);
  });
});

describe("Google channel renewal over a simulated month", () => {
  // Google channels cannot be renewed: the hourly job opens the next channel a day before the
  // current one expires, then stops the old one. Time moves here in 12-hour steps, each running
  // the jobs as the timers would have meanwhile (running them less often than hourly only makes
  // a gap likelier). Between two job runs nothing opens a channel, so the set of live channels
  // can only shrink: a change that still arrives by push at the last moment before the next run
  // proves there was a live channel, the one the store points to, over the whole interval.
  const start = "2026-03-02T08:00:00.000Z";

  beforeAll(async () => {
    // From here on time stands still unless the test moves it; a fresh table and emulators.
    clock.set(start);
    await system.reset();
  }, 60_000);

  it("every moment of 30 days has a live channel the store points to, and changes arrive by push alone", async () => {
    const email = "month@northwind-g2e.example";
    const box = googleMailbox(system, email);
    await box.create();
    const probeSlot = (nowMs: number) => ({
      start: new Date(nowMs + 2 * DAY).toISOString(),
      end: new Date(nowMs + 2 * DAY + HOUR).toISOString(),
      created: start,
    });
    await box.put("p0", [{ email: "ana@contoso.example" }], probeSlot(Date.parse(start)));
    await connectThroughOAuth(system.apiUrl, "google", email);
    await system.drain();
    const userId = await userIdOf(system, email);

    const expiries = new Map<string, number>();
    const liveSubscription = async () => {
      const subscriptions = (await system.store.subscriptions.listForUser(userId)).filter(
        (s) => s.provider === "google",
      );
      expect(subscriptions).toHaveLength(1);
      const [subscription] = subscriptions;
      if (!subscription) throw new Error("no subscription");
      expect(Date.parse(subscription.expiresAt)).toBeGreaterThan(clock.now().getTime());
      expiries.set(subscription.subscriptionId, Date.parse(subscription.expiresAt));
      return subscription;
    };

    // Moves simulated time WITHOUT running any job, changes an event, and checks that exactly
    // one push went out, to the channel the store points to, and that it alone brought the change.
    // Routine probes rename the event (cheap); around a channel's expiry an attendee is added.
    let probes = 0;
    const attendees: GoogleAttendeeSpec[] = [{ email: "raj@fabrikam.example" }];
    const probe = async (atMs: number, addAttendee: boolean) => {
      clock.set(new Date(atMs));
      const subscription = await liveSubscription();
      probes += 1;
      const summary = `Probe ${probes}`;
      if (addAttendee) attendees.push({ email: `guest-${probes}@fabrikam.example` });
      const sent = (await googlePushes(box.origin)).length;
      await box.put("p1", attendees, probeSlot(atMs), summary);
      await system.drain();
      const delivered = (await googlePushes(box.origin)).slice(sent);
      expect(delivered.map((p) => [p.channelId, p.state, p.status])).toEqual([
        [subscription.subscriptionId, "exists", 200],
      ]);
      const meeting = await system.store.meetings.get(userId, "google", "p1");
      expect(meeting?.subject).toBe(summary);
      if (addAttendee) {
        const added = meeting?.history.find((h) => h.email === `guest-${probes}@fabrikam.example`);
        expect([added?.change, added?.at]).toEqual(["added", new Date(atMs).toISOString()]);
      }
    };

    const t0 = Date.parse(start);
    const step = 12 * HOUR;
    for (let t = t0 + step; t <= t0 + 30 * DAY; t += step) {
      // Right around the expiry of any channel seen so far, then just before the next job run.
      const moments = [...expiries.values()]
        .flatMap((e) => [e - 1000, e + 1000])
        .filter((m) => m > t - step && m < t - 1)
        .sort((a, b) => a - b);
      for (const moment of moments) await probe(moment, true);
      await probe(t - 1, false);
      await system.setNow(new Date(t).toISOString());
      await liveSubscription();
    }
    // A week-long channel, replaced by the first job run within a day of its expiry.
    expect(expiries.size).toBeGreaterThanOrEqual(5);
    expect(attendees.length).toBeGreaterThanOrEqual(1 + 2 * 4);
    const { expected, stored } = await compareWithTruth(system, email);
    expect(stored).toEqual(expected);
  }, 60_000);
});
