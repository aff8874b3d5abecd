import { describe, expect, it } from "vitest";
import { GraphMessage } from "./graph-event.ts";
import { mapGraphMessage } from "./map-message.ts";

const ctx = { userEmails: ["morgan@northwind.example"] };
const r = (address: string, name?: string) => ({ emailAddress: { address, ...(name ? { name } : {}) } });

function message(overrides: Record<string, unknown> = {}) {
  return GraphMessage.parse({
    "@odata.etag": 'W/"CQAAABYAAAA"',
    id: "AAMkAGVmMDEz",
    subject: "Question on the support escalation path",
    from: r("David.Chen@adatum.example", "David Chen"),
    toRecipients: [r("morgan@northwind.example", "Morgan Avery")],
    ccRecipients: [r("helen.park@adatum.example")],
    sentDateTime: "2026-03-17T09:14:00Z",
    receivedDateTime: "2026-03-17T09:14:05Z",
    conversationId: "AAQkAGVmMDEzConv",
    internetMessageId: "<abc@adatum.example>",
    ...overrides,
  });
}

describe("mapGraphMessage", () => {
  it("maps an inbound message's metadata", () => {
    expect(mapGraphMessage(message(), ctx)).toEqual({
      provider: "microsoft",
      messageId: "AAMkAGVmMDEz",
      threadId: "AAQkAGVmMDEzConv",
      subject: "Question on the support escalation path",
      from: { email: "david.chen@adatum.example", name: "David Chen" },
      to: [{ email: "morgan@northwind.example", name: "Morgan Avery" }],
      cc: [{ email: "helen.park@adatum.example" }],
      sentAt: "2026-03-17T09:14:00.000Z",
      direction: "inbound",
    });
  });

  it("marks the user's own messages outbound, whatever the case of the address", () => {
    const m = mapGraphMessage(
      message({ from: r("MORGAN@northwind.example"), toRecipients: [r("david.chen@adatum.example")] }),
      ctx,
    );
    expect(m?.direction).toBe("outbound");
  });

  it("falls back to the received time and the sender, and skips items with neither sender nor date", () => {
    const m = mapGraphMessage(message({ sentDateTime: null, from: null, sender: r("x@y.example") }), ctx);
    expect(m?.sentAt).toBe("2026-03-17T09:14:05.000Z");
    expect(m?.from.email).toBe("x@y.example");
    expect(mapGraphMessage(message({ from: null, sender: null }), ctx)).toBeUndefined();
    expect(mapGraphMessage(message({ sentDateTime: null, receivedDateTime: null }), ctx)).toBeUndefined();
  });
});
