import { randomBytes } from "node:crypto";
import { type Connection, defaultUserSettings, newId, normalizeEmail, type Provider, type User } from "@rapport/core";
import type { TokenSet } from "@rapport/providers";
import type { AccessTokenSource } from "./access-tokens.ts";
import type { SyncDeps } from "./deps.ts";
import { stopQuietly, watchCalendar } from "./subscriptions.ts";

/**
 * Finishes an OAuth sign-in: finds or creates the user, stores the connection with its refresh
 * token encrypted, subscribes to calendar changes and asks for the first (backfill) sync.
 */
export async function completeConnection(
  deps: SyncDeps,
  tokens: AccessTokenSource,
  provider: Provider,
  tokenSet: TokenSet,
): Promise<{ user: User; connection: Connection }> {
  const { store, vault, clock, queue, logger } = deps;
  const account = tokenSet.account;
  if (!account) throw new Error("the provider returned no account identity");
  if (!tokenSet.refreshToken) throw new Error("the provider returned no refresh token (offline access missing)");
  const now = clock.now().toISOString();

  const existing = await store.connections.getByAccount(provider, account.id);
  const user = existing
    ? await store.users.get(existing.userId)
    : await findOrCreateUser(deps, account.email, account.name, now);
  if (!user) throw new Error("connection points to a user that no longer exists");

  const connection: Connection = {
    userId: user.userId,
    provider,
    accountId: account.id,
    accountEmail: normalizeEmail(account.email),
    encryptedRefreshToken: await vault.encrypt(tokenSet.refreshToken, { userId: user.userId }),
    scopes: tokenSet.scopes,
    status: "active",
    // A reconnect keeps the sync cursors: the data is still there, only the grant was renewed.
    cursors: existing?.cursors ?? {},
    createdAt: existing?.createdAt ?? now,
    updatedAt: now,
  };
  await store.connections.put(connection);
  tokens.prime(connection, tokenSet.accessToken, tokenSet.expiresAt);

  const session = deps.providers.session(provider, {
    getAccessToken: tokens.forConnection(connection),
    userEmails: [user.email, ...user.settings.aliases],
  });
  await adoptTimeZone(deps, user, session.getTimeZone?.bind(session));
  // A reconnect replaces the old subscription: Graph refuses a second one for the same resource.
  for (const old of await store.subscriptions.listForUser(user.userId)) {
    if (old.provider === provider) await stopQuietly(deps, session, old);
  }
  await watchCalendar(deps, session, connection);
  await queue.send({ userId: user.userId, provider, reason: "backfill", full: !existing });
  logger.info("connection completed", { userId: user.userId, provider, returning: Boolean(existing) });
  return { user: (await store.users.get(user.userId)) ?? user, connection };
}

async function findOrCreateUser(deps: SyncDeps, email: string, name: string | undefined, now: string) {
  const known = await deps.store.users.getByEmail(normalizeEmail(email));
  if (known) return known;
  const user: User = {
    userId: newId("usr"),
    email: normalizeEmail(email),
    name,
    settings: defaultUserSettings(),
    unsubscribeToken: randomBytes(24).toString("base64url"),
    createdAt: now,
    updatedAt: now,
  };
  await deps.store.users.create(user);
  return user;
}

// The mailbox's own time zone drives "this week", briefing hours and the report's Monday 08:00.
async function adoptTimeZone(deps: SyncDeps, user: User, getTimeZone?: () => Promise<string | undefined>) {
  if (!getTimeZone) return;
  try {
    const timeZone = await getTimeZone();
    if (timeZone && timeZone !== user.settings.timeZone) {
      await deps.store.users.put({
        ...user,
        settings: { ...user.settings, timeZone },
        updatedAt: deps.clock.now().toISOString(),
      });
    }
  } catch (error) {
    deps.logger.warn("could not read the mailbox time zone", { userId: user.userId, error: String(error) });
  }
}
