import { describe, expect, it } from "vitest";
import { emailDomain, normalizeEmail, sameEmail } from "./email-address.ts";

describe("email addresses", () => {
  it("compare case-insensitively and ignore surrounding spaces", () => {
    expect(normalizeEmail("  Ana.Lopez@Client.Example ")).toBe("ana.lopez@client.example");
    expect(sameEmail("ANA@client.example", "ana@CLIENT.example")).toBe(true);
    expect(sameEmail("ana@client.example", undefined)).toBe(false);
  });

  it("yield the organization's domain", () => {
    expect(emailDomain("sam@Coach.Example")).toBe("coach.example");
    expect(emailDomain("not-an-address")).toBe("");
  });
});
