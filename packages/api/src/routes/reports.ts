import { zValidator } from "@hono/zod-validator";
import { Hono } from "hono";
import { z } from "zod";
import type { ApiDeps } from "../deps.ts";
import type { AppEnv } from "../env.ts";

/** The weekly relationship health report as JSON, or rendered (`?format=html|text`). */
export function reportRoutes(deps: ApiDeps) {
  return new Hono<AppEnv>().get(
    "/weekly",
    zValidator("query", z.object({ format: z.enum(["json", "html", "text"]).default("json") })),
    async (c) => {
      const report = await deps.services.weeklyReport(c.get("user"));
      const format = c.req.valid("query").format;
      if (format === "html") return c.html(report.html);
      if (format === "text") return c.text(report.text);
      return c.json({ subject: report.subject, report: report.view });
    },
  );
}
