import { describe, expect, it } from "vitest";
import { buildMimeMessage } from "./send-mail.ts";

const mail = {
  from: "riley@northwind.example",
  to: "ana@client.example",
  subject: "Briefing: Überblick für Dienstag – a long subject that needs more than one encoded word",
  text: "Plain text, ünïcode",
  html: "<p>HTML ünïcode</p>",
  date: new Date("2026-02-03T08:00:00Z"),
};

describe("buildMimeMessage", () => {
  it("builds multipart/alternative with base64 UTF-8 text and HTML parts", () => {
    const raw = buildMimeMessage(mail, "b1");
    expect(raw).toContain('Content-Type: multipart/alternative; boundary="b1"');
    const parts = raw.split("--b1").slice(1, 3);
    const decode = (p: string) => Buffer.from(p.split("\r\n\r\n")[1] ?? "", "base64").toString("utf8");
    expect(parts[0]).toContain("text/plain");
    expect(decode(parts[0] ?? "")).toBe(mail.text);
    expect(decode(parts[1] ?? "")).toBe(mail.html);
    expect(raw.trimEnd().endsWith("--b1--")).toBe(true);
  });

  it("encodes a non-ASCII subject as folded encoded words that decode to the original", () => {
    const raw = buildMimeMessage(mail, "b1");
    const subjectBlock = raw.slice(raw.indexOf("Subject: ") + 9, raw.indexOf("\r\nDate:"));
    const words = subjectBlock.split("\r\n ");
    expect(words.length).toBeGreaterThan(1);
    for (const w of words) expect(w.length).toBeLessThanOrEqual(75);
    const decoded = words.map((w) => Buffer.from(w.slice(10, -2), "base64").toString("utf8")).join("");
    expect(decoded).toBe(mail.subject);
  });

  it("refuses header injection through a line break", () => {
    expect(() => buildMimeMessage({ ...mail, to: "a@b.example\r\nBcc: x@y.example" })).toThrow(/line break/);
  });
});
