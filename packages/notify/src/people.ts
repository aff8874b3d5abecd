import { emailDomain, normalizeEmail, type User } from "@rapport/core";

/** Who counts as a person and who is internal, as docs/RULES define it. */

const NOT_A_PERSON = new Set([
  "all",
  "everyone",
  "team",
  "staff",
  "noreply",
  "no-reply",
  "donotreply",
  "do-not-reply",
  "notifications",
  "info",
  "support",
  "newsletter",
  "mailer-daemon",
  "calendar",
]);

export function isPersonAddress(address: string): boolean {
  const local = normalizeEmail(address).split("@")[0] ?? "";
  return !NOT_A_PERSON.has(local) && !local.startsWith("dl-") && !local.startsWith("list-");
}

export function ownAddresses(user: Pick<User, "email" | "settings">): Set<string> {
  return new Set([user.email, ...user.settings.aliases].map(normalizeEmail));
}

export function isInternalAddress(user: Pick<User, "email" | "settings">, address: string): boolean {
  const domain = emailDomain(address);
  return (
    domain === emailDomain(user.email) || user.settings.internalDomains.map(normalizeEmail).includes(domain)
  );
}
