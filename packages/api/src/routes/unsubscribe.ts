import { timingSafeEqual } from "node:crypto";
import { zValidator } from "@hono/zod-validator";
import { Hono } from "hono";
import { z } from "zod";
import type { ApiDeps } from "../deps.ts";
import type { AppEnv } from "../env.ts";

/** The unsubscribe link in every email: works without signing in, turns both emails off. */
export function unsubscribeRoutes(deps: ApiDeps) {
  const handler = zValidator("query", z.object({ u: z.string().min(1).max(64), t: z.string().min(8).max(128) }));
  const page = (text: string) =>
    `<!doctype html><meta charset="utf-8"><title>Email preferences</title><body style="font-family:system-ui;margin:3rem"><p>${text}</p></body>`;
  return new Hono<AppEnv>().on(["GET", "POST"], "/", handler, async (c) => {
    const { u, t } = c.req.valid("query");
    const user = await deps.store.users.get(u);
    const expected = Buffer.from(user?.unsubscribeToken ?? "");
    const given = Buffer.from(t);
    if (!user || expected.length !== given.length || !timingSafeEqual(expected, given)) {
      return c.html(page("This unsubscribe link is not valid."), 400);
    }
    const settings = {
      ...user.settings,
      briefing: { ...user.settings.briefing, enabled: false },
      report: { ...user.settings.report, enabled: false },
    };
    await deps.store.users.put({ ...user, settings, updatedAt: deps.clock.now().toISOString() });
    return c.html(page("You will no longer receive briefings or weekly reports. You can turn them on again in settings."));
  });
}
