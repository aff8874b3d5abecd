import { VisibleError } from "@rapport/core";
import type { Store } from "@rapport/store";
import { createMiddleware } from "hono/factory";
import type { BearerVerifier } from "../auth/bearer.ts";
import type { AppEnv } from "../env.ts";

/**
 * Every /api route: a verified bearer token that names a connected user. The user found here is
 * the only user any handler below may read or write, which is what keeps data per user.
 */
export function authenticate(verifier: BearerVerifier, store: Store) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const header = c.req.header("authorization") ?? "";
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match?.[1]) throw new VisibleError("auth", "missing_token", "Send an Authorization: Bearer token.");
    const identity = await verifier.verify(match[1]);
    let user =
      identity.accountId && identity.issuer !== "local"
        ? await findByAccount(store, identity.issuer, identity.accountId)
        : undefined;
    // Only local dev tokens name a user by address; provider tokens must match a connected
    // account id (oid / sub): an address in a token is mutable and proves nothing.
    if (identity.issuer === "local") user ??= await store.users.getByEmail(identity.email.toLowerCase());
    if (!user) throw new VisibleError("forbidden", "not_connected", "Connect your calendar account first.");
    c.set("user", user);
    await next();
  });
}

async function findByAccount(store: Store, issuer: "microsoft" | "google", accountId: string) {
  const connection = await store.connections.getByAccount(issuer, accountId);
  return connection ? store.users.get(connection.userId) : undefined;
}
