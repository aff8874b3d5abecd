import { RelationshipLevel, normalizeEmail } from "@rapport/core";
import { zValidator } from "@hono/zod-validator";
import { Hono } from "hono";
import { z } from "zod";
import type { ApiDeps } from "../deps.ts";
import type { AppEnv } from "../env.ts";

const EmailParam = z.object({ email: z.email({ error: "expected an email address" }).max(320) });
const ContactChange = z
  .object({
    level: RelationshipLevel.nullable().optional(),
    key: z.boolean().optional(),
    cadenceDays: z.number().int().min(1).max(366).nullable().optional(),
  })
  .strict()
  .refine((v) => Object.keys(v).length > 0, { error: "send at least one of level, key, cadenceDays" });

/** A contact's relationship card, and the user's own choices: level, key contact, cadence. */
export function contactRoutes(deps: ApiDeps) {
  return new Hono<AppEnv>()
    .get("/:email", zValidator("param", EmailParam), async (c) => {
      const email = normalizeEmail(c.req.valid("param").email);
      const [card] = await deps.services.attendeeCards(c.get("user"), [email]);
      return c.json(card);
    })
    .put("/:email", zValidator("param", EmailParam), zValidator("json", ContactChange), async (c) => {
      const user = c.get("user");
      const email = normalizeEmail(c.req.valid("param").email);
      const change = c.req.valid("json");
      const current = (await deps.store.contacts.get(user.userId, email))?.overrides ?? {};
      const now = deps.clock.now().toISOString();
      const overrides = { ...current, updatedAt: now };
      // null clears a choice (back to the inferred level / default cadence).
      if (change.level !== undefined) overrides.level = change.level ?? undefined;
      if (change.key !== undefined) overrides.key = change.key;
      if (change.cadenceDays !== undefined) overrides.cadenceDays = change.cadenceDays ?? undefined;
      await deps.store.contacts.setOverrides(user.userId, email, overrides, now);
      await deps.services.reanalyzeContacts(user.userId, [email]);
      const [card] = await deps.services.attendeeCards(user, [email]);
      return c.json(card);
    });
}
