import { Hono } from "hono";
import type { ApiDeps } from "../deps.ts";
import type { AppEnv } from "../env.ts";

/** The signed-in user, their connections' health, and disconnecting (which erases their data). */
export function meRoutes(deps: ApiDeps) {
  return new Hono<AppEnv>()
    .get("/", async (c) => {
      const user = c.get("user");
      const connections = await deps.store.connections.listForUser(user.userId);
      return c.json({
        user: { email: user.email, name: user.name, settings: user.settings },
        connections: connections.map((x) => ({
          provider: x.provider,
          accountEmail: x.accountEmail,
          status: x.status,
          statusReason: x.statusReason,
          subscriptionAlert: x.subscriptionAlert,
          lastSyncAt: x.lastSyncAt,
        })),
      });
    })
    .delete("/", async (c) => {
      await deps.services.disconnect(c.get("user").userId);
      return c.body(null, 204);
    });
}
