/**
 * Email addresses are the identity of a person across providers. One person may write with
 * several cases or aliases; everything that compares addresses goes through these helpers.
 */
export function normalizeEmail(address: string): string {
  return address.trim().toLowerCase();
}

export function emailDomain(address: string): string {
  const at = address.lastIndexOf("@");
  return at === -1 ? "" : normalizeEmail(address.slice(at + 1));
}

/** True when both addresses name the same mailbox (case-insensitive, trimmed). */
export function sameEmail(a: string | undefined, b: string | undefined): boolean {
  return a !== undefined && b !== undefined && normalizeEmail(a) === normalizeEmail(b);
}
