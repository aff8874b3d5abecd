import type { Connection } from "@rapport/core";
import { ProviderError } from "@rapport/providers";
import type { SyncDeps } from "./deps.ts";
import { ConnectionNeedsReauthError } from "./errors.ts";

const EARLY_REFRESH_MS = 60_000;

/**
 * Access tokens per connection, refreshed on expiry. Each refresh stores the rotated refresh
 * token (Microsoft rotates on every use); a revoked grant marks the connection `needs-reauth`
 * once and stops, instead of retrying in a loop.
 */
export function createAccessTokenSource(deps: SyncDeps) {
  const cache = new Map<string, { token: string; expiresAt: number }>();
  const inFlight = new Map<string, Promise<string>>();

  async function refresh(connection: Connection): Promise<string> {
    const { store, vault, providers, clock } = deps;
    const refreshToken = await vault.decrypt(connection.encryptedRefreshToken, { userId: connection.userId });
    try {
      const tokens = await providers.auth(connection.provider).refresh(refreshToken);
      if (tokens.refreshToken && tokens.refreshToken !== refreshToken) {
        const encryptedRefreshToken = await vault.encrypt(tokens.refreshToken, { userId: connection.userId });
        await store.connections.update(connection.userId, connection.provider, {
          encryptedRefreshToken,
          updatedAt: clock.now().toISOString(),
        });
      }
      cache.set(key(connection), { token: tokens.accessToken, expiresAt: tokens.expiresAt.getTime() });
      return tokens.accessToken;
    } catch (error) {
      if (error instanceof ProviderError && error.code === "auth_revoked") {
        await markNeedsReauth(deps, connection);
        throw new ConnectionNeedsReauthError(connection.userId, connection.provider);
      }
      throw error;
    }
  }

  return {
    /** A getter bound to one connection, as provider sessions want it. */
    forConnection(connection: Connection): () => Promise<string> {
      return async () => {
        const cached = cache.get(key(connection));
        if (cached && cached.expiresAt - EARLY_REFRESH_MS > deps.clock.now().getTime()) return cached.token;
        const pending = inFlight.get(key(connection));
        if (pending) return pending;
        const latest = (await deps.store.connections.get(connection.userId, connection.provider)) ?? connection;
        const next = refresh(latest).finally(() => inFlight.delete(key(connection)));
        inFlight.set(key(connection), next);
        return next;
      };
    },
    /** Remember a token obtained at sign-in, so the first sync does not refresh at once. */
    prime(connection: Pick<Connection, "userId" | "provider">, token: string, expiresAt: Date): void {
      cache.set(key(connection), { token, expiresAt: expiresAt.getTime() });
    },
    forget(connection: Pick<Connection, "userId" | "provider">): void {
      cache.delete(key(connection));
    },
    /** Drop every cached access token (tests: make the next call refresh). */
    forgetAll(): void {
      cache.clear();
    },
  };
}

export type AccessTokenSource = ReturnType<typeof createAccessTokenSource>;

export async function markNeedsReauth(deps: SyncDeps, connection: Pick<Connection, "userId" | "provider">) {
  const name = connection.provider === "microsoft" ? "Microsoft" : "Google";
  await deps.store.connections.update(connection.userId, connection.provider, {
    status: "needs-reauth",
    statusReason: `${name} asked you to sign in again. Reconnect your ${name} account to resume.`,
    updatedAt: deps.clock.now().toISOString(),
  });
  deps.logger.warn("connection needs re-authorization", { userId: connection.userId, provider: connection.provider });
}

function key(c: Pick<Connection, "userId" | "provider">): string {
  return `${c.userId}:${c.provider}`;
}
