import { SuggestionState, VisibleError } from "@rapport/core";
import { ConditionalWriteError } from "@rapport/store";
import { zValidator } from "@hono/zod-validator";
import { Hono } from "hono";
import { z } from "zod";
import type { ApiDeps } from "../deps.ts";
import type { AppEnv } from "../env.ts";

const ListQuery = z.object({
  state: SuggestionState.default("open"),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(2048).optional(),
});

const Change = z.discriminatedUnion("action", [
  z.object({ action: z.literal("dismiss") }),
  z.object({ action: z.literal("done") }),
  z.object({ action: z.literal("reopen") }),
  z.object({ action: z.literal("snooze"), until: z.iso.datetime({ offset: true }).optional() }),
]);

const DEFAULT_SNOOZE_MS = 7 * 24 * 60 * 60 * 1000;

/** The user's suggestions and their state changes (dismiss, snooze, done). */
export function suggestionRoutes(deps: ApiDeps) {
  return new Hono<AppEnv>()
    .get("/", zValidator("query", ListQuery), async (c) => {
      const { state, limit, cursor } = c.req.valid("query");
      const page = await deps.store.suggestions.listForUser(c.get("user").userId, { state, limit, cursor });
      return c.json({ suggestions: page.items, cursor: page.cursor });
    })
    .post(
      "/:id",
      zValidator("param", z.object({ id: z.string().min(1).max(64) })),
      zValidator("json", Change),
      async (c) => {
        const user = c.get("user");
        const { id } = c.req.valid("param");
        const change = c.req.valid("json");
        const existing = await deps.store.suggestions.get(user.userId, id);
        if (!existing) throw new VisibleError("not_found", "no_suggestion", "No such suggestion.");
        const now = deps.clock.now();
        const state = ({ dismiss: "dismissed", done: "done", reopen: "open", snooze: "snoozed" } as const)[change.action];
        const until =
          change.action === "snooze"
            ? (change.until ?? new Date(now.getTime() + DEFAULT_SNOOZE_MS).toISOString())
            : undefined;
        if (until && Date.parse(until) <= now.getTime()) {
          throw new VisibleError("input", "snooze_in_past", "Snooze until a time in the future.");
        }
        try {
          const updated = await deps.store.suggestions.setState(user.userId, id, state, now.toISOString(), until);
          return c.json(updated);
        } catch (error) {
          if (error instanceof ConditionalWriteError) {
            throw new VisibleError("conflict", "changed", "The suggestion changed meanwhile; reload and try again.");
          }
          throw error;
        }
      },
    );
}
