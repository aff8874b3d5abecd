import type { MailMessage } from "@rapport/core";
import type { ProviderSession } from "@rapport/providers/provider";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GoogleEmulator } from "../src/index.ts";
import { connect, emulatorWith, sessionFor } from "./connect.ts";

const EMAIL = "riley@northwind.example";
const NOW = new Date("2026-02-20T09:00:00Z");
const window = { start: new Date("2026-02-01T00:00:00Z"), end: new Date("2026-02-21T00:00:00Z") };
let emulator: GoogleEmulator;
let session: ProviderSession;

function message(id: string, day: number, from: string, to: string) {
  const date = new Date(Date.UTC(2026, 1, day, 9, 0));
  return {
    id,
    threadId: `t-${id}`,
    labelIds: from === EMAIL ? ["SENT"] : ["INBOX"],
    snippet: "never copied",
    internalDate: String(date.getTime()),
    payload: {
      headers: [
        { name: "From", value: from },
        { name: "To", value: to },
        { name: "Subject", value: `About ${id}` },
        { name: "Date", value: date.toUTCString() },
        { name: "Message-ID", value: `<${id}@mail.example>` },
      ],
    },
  };
}

async function collect(cursors: Record<string, string>, full: boolean) {
  const messages: MailMessage[] = [];
  const next = await session.syncMail({
    cursors,
    window,
    full,
    onPage: async (page) => {
      messages.push(...page.messages);
    },
  });
  return { messages, next };
}

beforeAll(async () => {
  emulator = await emulatorWith(EMAIL, NOW);
  for (let day = 1; day <= 15; day++) {
    const fromMe = day % 3 === 0;
    emulator.admin.addMessage(
      EMAIL,
      message(
        `x${day}`,
        day,
        fromMe ? EMAIL : "Ana Silva <ana@client.example>",
        fromMe ? "ana@client.example" : EMAIL,
      ),
    );
  }
  // Older than the window: the full round must stop before reaching it.
  emulator.admin.addMessage(EMAIL, message("jan", -26, "ana@client.example", EMAIL)); // 5 January
  session = await sessionFor(emulator, EMAIL, () => NOW);
});
afterAll(() => emulator.stop());

describe("Gmail metadata sync against the emulator", () => {
  it("a full round lists the window page by page, newest first, and stores a history id", async () => {
    const { messages, next } = await collect({}, true);
    const ids = messages.map((m) => m.messageId);
    expect(ids).toContain("x1");
    expect(ids).toContain("x15");
    expect(ids).not.toContain("jan");
    expect(next.mailHistoryId).toMatch(/^\d+$/);
    const sent = messages.find((m) => m.messageId === "x3");
    expect(sent).toMatchObject({ direction: "outbound", to: [{ email: "ana@client.example" }] });
    expect(JSON.stringify(messages)).not.toContain("never copied");
  });

  it("history brings only messages added since, then nothing", async () => {
    const { next } = await collect({}, true);
    emulator.admin.addMessage(EMAIL, message("new1", 19, "Ana Silva <ana@client.example>", EMAIL));
    const second = await collect(next, false);
    expect(second.messages.map((m) => m.messageId)).toEqual(["new1"]);
    expect(second.messages[0]?.from).toEqual({ email: "ana@client.example", name: "Ana Silva" });
    const third = await collect(second.next, false);
    expect(third.messages).toEqual([]);
  });

  it("an expired history id is cursor_expired", async () => {
    const { next } = await collect({}, true);
    emulator.admin.setFaults({ expireHistoryIds: true });
    await expect(collect(next, false)).rejects.toMatchObject({ code: "cursor_expired" });
    const again = await collect({}, true);
    await expect(collect(again.next, false)).resolves.toBeTruthy();
  });

  it("messages come back with the requested headers only, and full format is refused under gmail.metadata", async () => {
    const { accessToken } = await connect(emulator, EMAIL);
    const headers = { authorization: `Bearer ${accessToken}` };
    const base = `${emulator.rootUrl}gmail/v1/users/me/messages/x1`;
    const meta = await fetch(`${base}?format=metadata&metadataHeaders=From&metadataHeaders=Subject`, {
      headers,
    });
    const body = (await meta.json()) as { payload: { headers: { name: string }[] }; snippet?: string };
    expect(body.payload.headers.map((h) => h.name)).toEqual(["From", "Subject"]);
    expect(body.snippet).toBeUndefined();
    expect((await fetch(`${base}?format=full`, { headers })).status).toBe(403);
    expect(
      (await fetch(`${emulator.rootUrl}gmail/v1/users/me/messages?q=from:ana`, { headers })).status,
    ).toBe(403);
  });

  it("sending records the message, decoded for the admin view", async () => {
    await session.sendMail({
      to: "riley@northwind.example",
      subject: "Briefing – Dienstag",
      text: "Hallo",
      html: "<p>Hallo</p>",
    });
    const sent = emulator.admin.sentMail().at(-1);
    expect(sent).toMatchObject({
      mailbox: EMAIL,
      from: EMAIL,
      to: "riley@northwind.example",
      subject: "Briefing – Dienstag",
      text: "Hallo",
      html: "<p>Hallo</p>",
    });
  });
});
