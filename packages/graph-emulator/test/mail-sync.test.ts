import type { MailMessage, SyncCursors } from "@rapport/core";
import type { ProviderSession } from "@rapport/providers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type GraphEmulator, startGraphEmulator } from "../src/index.ts";
import { sessionFor, signIn } from "./helpers.ts";

const NOW = new Date("2026-03-25T10:00:00Z");
const MORGAN = "morgan@northwind.example";
const window = {
  start: new Date(NOW.getTime() - 200 * 86_400_000),
  end: new Date(NOW.getTime() + 30 * 86_400_000),
};

let emulator: GraphEmulator;
let session: ProviderSession;

beforeAll(async () => {
  emulator = await startGraphEmulator({ seedDemo: true, clock: () => NOW });
  session = await sessionFor(emulator, MORGAN, () => NOW);
});
afterAll(() => emulator.stop());

async function mailRound(cursors: SyncCursors, full = false) {
  const messages: MailMessage[] = [];
  let pages = 0;
  const next = await session.syncMail({
    cursors,
    window,
    full,
    onPage: async (page) => {
      pages += 1;
      messages.push(...page.messages);
    },
  });
  return { messages, pages, cursors: next };
}

describe("mail sync against the Graph emulator", () => {
  it("reads inbox and sent items metadata with directions, over several pages", async () => {
    const { messages, pages, cursors } = await mailRound({});
    expect(pages).toBeGreaterThan(2);
    expect(cursors.inboxDeltaLink).toContain("$deltatoken=");
    expect(cursors.sentDeltaLink).toContain("$deltatoken=");
    const unanswered = messages.filter((m) => m.from.email === "david.chen@adatum.example");
    expect(unanswered.length).toBeGreaterThanOrEqual(3);
    expect(unanswered.every((m) => m.direction === "inbound")).toBe(true);
    expect(messages.filter((m) => m.from.email === MORGAN).every((m) => m.direction === "outbound")).toBe(
      true,
    );
    const mailCalls = emulator.admin.requests().filter((r) => r.path.includes("/messages/delta"));
    expect(mailCalls.every((r) => r.path.includes("$select=") || r.path.includes("token="))).toBe(true);
    expect(mailCalls.some((r) => /body/i.test(decodeURIComponent(r.path)))).toBe(false);
  });

  it("never returns bodies, even when asked for them", async () => {
    emulator.admin.addMessage(MORGAN, {
      id: "msg-with-body",
      subject: "Has a body",
      body: { contentType: "text", content: "secret body" },
      bodyPreview: "secret body",
      from: { emailAddress: { address: "ana.lopez@contoso.example" } },
      toRecipients: [{ emailAddress: { address: MORGAN } }],
      sentDateTime: "2026-03-24T09:00:00Z",
    });
    const { accessToken } = await signIn(emulator, MORGAN);
    const response = await fetch(
      `${emulator.url}/me/mailFolders/inbox/messages/delta?$select=subject,body,bodyPreview`,
      {
        headers: { authorization: `Bearer ${accessToken}`, prefer: "odata.maxpagesize=500" },
      },
    );
    const text = await response.text();
    expect(text).toContain("Has a body");
    expect(text).not.toContain("secret body");
    expect(text).not.toMatch(/"body(Preview)?"/);
  });

  it("sends mail with 202, records it and files it in Sent Items for the next round", async () => {
    const first = await mailRound({});
    await session.sendMail({
      to: "ana.lopez@contoso.example",
      subject: "Catch-up soon?",
      html: "<p>Hello Ana</p>",
      text: "Hello Ana",
    });
    expect(emulator.admin.sentMail()).toEqual([
      expect.objectContaining({
        from: MORGAN,
        to: ["ana.lopez@contoso.example"],
        subject: "Catch-up soon?",
        contentType: "HTML",
      }),
    ]);
    const next = await mailRound(first.cursors);
    expect(next.messages).toEqual([
      expect.objectContaining({
        subject: "Catch-up soon?",
        direction: "outbound",
        to: [{ email: "ana.lopez@contoso.example" }],
      }),
    ]);
  });

  it("reads the mailbox time zone as an IANA name", async () => {
    expect(await session.getTimeZone?.()).toBe("Europe/London");
  });
});
