import { startLocalSystem } from "@rapport/local";
import { it } from "vitest";
it("explore", async () => {
  const t0 = Date.now();
  const s = await startLocalSystem({ memory: true, port: 0, seedDemo: true });
  console.log("boot ms", Date.now() - t0, s.demoUsers, s.config.microsoft, s.config.google);
  const users = await (await fetch(`${s.apiUrl}/dev/users`)).json();
  console.log(JSON.stringify(users));
  for (const email of s.demoUsers) {
    const u = await s.store.users.getByEmail(email);
    const sug = await s.store.suggestions.listForUser(u!.userId, { state: "open", limit: 5 });
    const m = await s.store.meetings.listForUser(u!.userId, { limit: 3 });
    console.log(email, u!.userId, sug.items.length, sug.items.map(x=>x.id), m.items.map(x=>[x.provider,x.eventId]));
    console.log(JSON.stringify(await s.store.subscriptions.listForUser(u!.userId)));
  }
  await s.stop();
}, 120000);
