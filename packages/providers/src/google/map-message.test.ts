import { describe, expect, it } from "vitest";
import { parseAddressList } from "./address-list.ts";
import { mapGmailMessage } from "./map-message.ts";

const ctx = { userEmails: ["riley@northwind.example"] };

function metadataMessage(headers: Record<string, string>, extra: Record<string, unknown> = {}) {
  return {
    id: "18c2f0a1b2c3d4e5",
    threadId: "18c2f0a1b2c3d4e0",
    labelIds: ["INBOX", "UNREAD"],
    snippet: "this text must never be carried on",
    historyId: "4312",
    internalDate: "1770112800000",
    sizeEstimate: 2048,
    payload: {
      mimeType: "multipart/alternative",
      headers: Object.entries(headers).map(([name, value]) => ({ name, value })),
    },
    ...extra,
  };
}

describe("parseAddressList", () => {
  it("keeps commas inside quoted display names", () => {
    expect(parseAddressList('"Doe, Jane" <jane@x.example>, bob@y.example')).toEqual([
      { email: "jane@x.example", name: "Doe, Jane" },
      { email: "bob@y.example" },
    ]);
  });

  it("reads names from comments, unescapes quotes and flattens groups", () => {
    expect(
      parseAddressList(
        'bob@y.example (Bob B), "Ann \\"A\\" Lee" <ann@z.example>, Team: c@z.example, d@z.example;',
      ),
    ).toEqual([
      { email: "bob@y.example", name: "Bob B" },
      { email: "ann@z.example", name: 'Ann "A" Lee' },
      { email: "c@z.example" },
      { email: "d@z.example" },
    ]);
  });

  it("decodes RFC 2047 names and drops entries without an address", () => {
    expect(parseAddressList("=?UTF-8?B?SsO8cmdlbg==?= <jurgen@x.example>, Undisclosed recipients:;")).toEqual(
      [{ email: "jurgen@x.example", name: "Jürgen" }],
    );
    expect(parseAddressList("")).toEqual([]);
  });
});

describe("mapGmailMessage", () => {
  it("maps metadata headers to a received message and carries no snippet", () => {
    const change = mapGmailMessage(
      metadataMessage({
        From: "Ana Silva <ana@client.example>",
        To: 'Riley Chen <riley@northwind.example>, "Ops, Team" <ops@northwind.example>',
        Cc: "sam@contoso.example",
        Date: "Tue, 3 Feb 2026 09:12:00 -0500",
        Subject: "Re: pricing",
      }),
      ctx,
    );
    expect(change).toEqual({
      kind: "message",
      message: {
        provider: "google",
        messageId: "18c2f0a1b2c3d4e5",
        threadId: "18c2f0a1b2c3d4e0",
        subject: "Re: pricing",
        from: { email: "ana@client.example", name: "Ana Silva" },
        to: [
          { email: "riley@northwind.example", name: "Riley Chen" },
          { email: "ops@northwind.example", name: "Ops, Team" },
        ],
        cc: [{ email: "sam@contoso.example" }],
        sentAt: "2026-02-03T14:12:00.000Z",
        direction: "inbound",
      },
    });
  });

  it("a message from the user is outbound, and internalDate stands in for a bad Date header", () => {
    const change = mapGmailMessage(
      metadataMessage(
        { From: "RILEY@northwind.example", To: "ana@client.example", Date: "not a date" },
        { labelIds: ["SENT"] },
      ),
      ctx,
    );
    expect(change).toMatchObject({
      kind: "message",
      message: { direction: "outbound", sentAt: new Date(1770112800000).toISOString() },
    });
  });

  it("skips drafts and messages without a sender", () => {
    expect(mapGmailMessage(metadataMessage({ From: "a@b.example" }, { labelIds: ["DRAFT"] }), ctx).kind).toBe(
      "skipped",
    );
    expect(mapGmailMessage(metadataMessage({ To: "a@b.example" }), ctx).kind).toBe("skipped");
    expect(mapGmailMessage({ nope: true }, ctx).kind).toBe("skipped");
  });
});
