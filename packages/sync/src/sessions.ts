import type { Connection } from "@rapport/core";
import type { ProviderSession } from "@rapport/providers";
import type { AccessTokenSource } from "./access-tokens.ts";
import type { SyncDeps } from "./deps.ts";

/** A provider session for a stored connection, knowing the user's own addresses. */
export async function openSession(deps: SyncDeps, tokens: AccessTokenSource, connection: Connection): Promise<ProviderSession> {
  const user = await deps.store.users.get(connection.userId);
  const userEmails = [connection.accountEmail, ...(user ? [user.email, ...user.settings.aliases] : [])];
  return deps.providers.session(connection.provider, {
    getAccessToken: tokens.forConnection(connection),
    userEmails: [...new Set(userEmails)],
  });
}
