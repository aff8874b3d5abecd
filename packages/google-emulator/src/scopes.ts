/**
 * Google scope strings end in `/auth/<name>`; the emulator compares those names, so it never
 * needs the full identifiers. `openid` and `email` are bare names; the full-mail scope is compared without its scheme.
 */
export function scopeName(scope: string): string {
  const at = scope.lastIndexOf("/auth/");
  return at === -1 ? scope.replace(/^[a-z]+:\/\//, "") : scope.slice(at + 6);
}

const CALENDAR_READ = ["calendar", "calendar.readonly", "calendar.events", "calendar.events.readonly"];
const MAIL_READ = ["gmail.metadata", "gmail.readonly", "gmail.modify", "mail.google.com/"];
const MAIL_FULL_READ = ["gmail.readonly", "gmail.modify", "mail.google.com/"];
const MAIL_SEND = ["gmail.send", "gmail.compose", "gmail.modify", "mail.google.com/"];

export type ScopeNeed = "calendar" | "mailRead" | "mailSend";

export function hasScope(granted: readonly string[], need: ScopeNeed): boolean {
  const names = granted.map(scopeName);
  const accepted = need === "calendar" ? CALENDAR_READ : need === "mailRead" ? MAIL_READ : MAIL_SEND;
  return names.some((n) => accepted.includes(n));
}

/** True when the token reads mail through gmail.metadata only: bodies and `q` are refused. */
export function metadataOnly(granted: readonly string[]): boolean {
  const names = granted.map(scopeName);
  return !names.some((n) => MAIL_FULL_READ.includes(n));
}
