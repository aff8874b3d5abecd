import type { AccessTokenSource } from "./access-tokens.ts";
import type { SyncDeps } from "./deps.ts";
import { openSession } from "./sessions.ts";
import { stopQuietly } from "./subscriptions.ts";

/**
 * The privacy promise: a user who disconnects leaves nothing behind. Subscriptions and channels
 * are stopped at the provider first (best effort), then every item of the user is deleted.
 */
export async function disconnectUser(deps: SyncDeps, tokens: AccessTokenSource, userId: string): Promise<void> {
  const connections = await deps.store.connections.listForUser(userId);
  const subscriptions = await deps.store.subscriptions.listForUser(userId);
  for (const subscription of subscriptions) {
    const connection = connections.find((c) => c.provider === subscription.provider);
    if (!connection || connection.status === "needs-reauth") continue;
    try {
      await stopQuietly(deps, await openSession(deps, tokens, connection), subscription);
    } catch (error) {
      deps.logger.warn("could not stop a subscription while disconnecting", { provider: subscription.provider, error: String(error) });
    }
  }
  for (const connection of connections) tokens.forget(connection);
  await deps.store.users.deleteAllData(userId);
  deps.logger.info("user disconnected and erased", { userId });
}
