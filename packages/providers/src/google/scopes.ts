/**
 * The OAuth scopes this app asks Google for. They are identifiers, not addresses: Google names
 * its scopes with URLs, and these strings must match byte for byte.
 */
export const GOOGLE_SCOPES = {
  openid: "openid",
  email: "email",
  calendarRead: "https://www.googleapis.com/auth/calendar.readonly",
  mailMetadata: "https://www.googleapis.com/auth/gmail.metadata",
  mailSend: "https://www.googleapis.com/auth/gmail.send",
} as const;

/** Every scope requested at consent, in the order they are sent. */
export const GOOGLE_REQUESTED_SCOPES: readonly string[] = Object.values(GOOGLE_SCOPES);

/** Scopes without which a connection is useless: granular consent lets users untick them. */
export const GOOGLE_REQUIRED_SCOPES: readonly string[] = [GOOGLE_SCOPES.calendarRead];

/** The requested product scopes that the user did not grant (identity scopes aside). */
export function missingGoogleScopes(granted: readonly string[]): string[] {
  const have = new Set(granted);
  return [GOOGLE_SCOPES.calendarRead, GOOGLE_SCOPES.mailMetadata, GOOGLE_SCOPES.mailSend].filter(
    (scope) => !have.has(scope),
  );
}
