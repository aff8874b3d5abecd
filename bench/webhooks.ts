import autocannon from "autocannon";
import { connectThroughOAuth, startLocalSystem } from "@rapport/local";
import { emulatorAdmin, graphEvent } from "../test/support/graph-fixtures.ts";

/**
 * `pnpm bench:webhooks`: throughput and latency of the webhook routes under concurrent load
 * (autocannon against the local server over loopback), and Graph requests per notification
 * in a burst of 100 notifications for one mailbox. Prints figures; asserts nothing.
 */
const DURATION_S = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);

const system = await startLocalSystem({ memory: true, port: 0 });
try {
  const graph = system.emulatorUrl("microsoft");
  const google = system.emulatorUrl("google");
  const msEmail = "bench-ms@northwind-bench.example";
  const gEmail = "bench-google@northwind-bench.example";
  await emulatorAdmin(graph, "/mailboxes", { method: "POST", body: { email: msEmail, name: "Bench", timeZone: "UTC" } });
  await emulatorAdmin(graph, `/mailboxes/${msEmail}/events/b1`, {
    method: "PUT",
    body: graphEvent({
      id: "b1",
      subject: "Bench",
      start: "2030-01-02T10:00:00Z",
      end: "2030-01-02T11:00:00Z",
      organizer: msEmail,
      isOrganizer: true,
      attendees: [{ email: "ana@contoso.example" }],
      createdDateTime: "2029-12-01T10:00:00Z",
    }),
  });
  await emulatorAdmin(google, "/mailboxes", { method: "POST", body: { email: gEmail, name: "Bench", timeZone: "UTC" } });
  await connectThroughOAuth(system.apiUrl, "microsoft", msEmail);
  await connectThroughOAuth(system.apiUrl, "google", gEmail);
  await system.drain();

  const msUser = await system.store.users.getByEmail(msEmail);
  const gUser = await system.store.users.getByEmail(gEmail);
  const [msSub] = await system.store.subscriptions.listForUser(msUser!.userId);
  const [gSub] = await system.store.subscriptions.listForUser(gUser!.userId);
  if (!msSub || !gSub) throw new Error("subscriptions missing");

  const graphBody = JSON.stringify({
    value: [
      {
        subscriptionId: msSub.subscriptionId,
        clientState: msSub.secret,
        changeType: "updated",
        resource: "Users/u/Events/b1",
        subscriptionExpirationDateTime: msSub.expiresAt,
        tenantId: "t",
        resourceData: { "@odata.type": "#Microsoft.Graph.Event", "@odata.id": "Users/u/Events/b1", id: "b1" },
      },
    ],
  });

  const results: string[] = [];
  const run = async (title: string, options: autocannon.Options) => {
    const result = await autocannon({ duration: DURATION_S, connections: CONNECTIONS, ...options });
    const line = `${title}: ${Math.round(result.requests.average)} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, non-2xx ${result.non2xx}, errors ${result.errors}`;
    results.push(line);
    console.log(line);
    await system.drain();
  };

  await run("POST /webhooks/microsoft (valid notification)", {
    url: `${system.apiUrl}/webhooks/microsoft`,
    method: "POST",
    headers: { "content-type": "application/json" },
    body: graphBody,
  });
  await run("POST /webhooks/microsoft?validationToken (handshake)", {
    url: `${system.apiUrl}/webhooks/microsoft?validationToken=bench%20token`,
    method: "POST",
  });
  await run("POST /webhooks/google (exists push)", {
    url: `${system.apiUrl}/webhooks/google`,
    method: "POST",
    headers: {
      "x-goog-channel-id": gSub.subscriptionId,
      "x-goog-channel-token": gSub.secret,
      "x-goog-resource-id": gSub.resourceId ?? "",
      "x-goog-resource-uri": "https://calendar/resource",
      "x-goog-resource-state": "exists",
      "x-goog-message-number": "2",
    },
  });

  // Graph requests caused by a burst of 100 notifications for one mailbox.
  const log = async () =>
    ((await emulatorAdmin(graph, "/requests", { method: "GET" })) as { value: Array<{ mailbox?: string; path: string }> }).value.filter(
      (r) => r.mailbox === msEmail,
    );
  const before = await log();
  await Promise.all(
    Array.from({ length: 100 }, () =>
      fetch(`${system.apiUrl}/webhooks/microsoft`, { method: "POST", headers: { "content-type": "application/json" }, body: graphBody }),
    ),
  );
  await system.drain();
  const after = (await log()).slice(before.length);
  const rounds = after.filter((r) => r.path.includes("calendarView/delta") && r.path.includes("deltatoken")).length;
  const line = `burst of 100 notifications, one mailbox: ${after.length} Graph requests (${(after.length / 100).toFixed(2)} per notification), ${rounds} calendar delta round(s)`;
  results.push(line);
  console.log(line);
  console.log(`\n(${CONNECTIONS} connections, ${DURATION_S} s each, Node ${process.version}, ${new Date().toISOString()})`);
} finally {
  await system.stop();
}
