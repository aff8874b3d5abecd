import { VisibleError } from "@rapport/core";
import { zValidator } from "@hono/zod-validator";
import { Hono } from "hono";
import { z } from "zod";
import type { LocalOnly } from "../deps.ts";
import type { AppEnv } from "../env.ts";

/** Local mode only (never mounted on AWS): who is here, a token for them, and the outbox. */
export function devRoutes(local: LocalOnly) {
  return new Hono<AppEnv>()
    .get("/users", async (c) => c.json({ users: await local.listUsers() }))
    .get("/token", zValidator("query", z.object({ email: z.email() })), async (c) => {
      const email = c.req.valid("query").email.toLowerCase();
      const known = (await local.listUsers()).some((u) => u.email === email);
      if (!known) throw new VisibleError("not_found", "no_user", `No local user ${email}; see /dev/users.`);
      return c.json({ token: await local.issueToken(email) });
    })
    .get("/outbox", async (c) => {
      const emails = await local.outbox();
      if (c.req.query("format") === "html" || c.req.header("accept")?.startsWith("text/html")) {
        return c.html(outboxPage(emails));
      }
      return c.json({ emails });
    })
    .get("/outbox/:index", async (c) => {
      const email = (await local.outbox())[Number(c.req.param("index"))];
      if (!email) throw new VisibleError("not_found", "no_email", "No such email.");
      return c.html(email.html);
    });
}

function outboxPage(emails: Awaited<ReturnType<LocalOnly["outbox"]>>) {
  const esc = (s: string) => s.replace(/[&<>"]/g, (ch) => `&#${ch.charCodeAt(0)};`);
  const rows = emails
    .map(
      (e, i) =>
        `<tr><td>${esc(e.sentAt)}</td><td>${esc(e.kind)}</td><td>${esc(e.to)}</td><td><a href="/dev/outbox/${i}">${esc(e.subject)}</a></td></tr>`,
    )
    .join("");
  return `<!doctype html><meta charset="utf-8"><title>Local outbox</title>
<body style="font-family:system-ui;margin:2rem"><h1>Local outbox</h1><p>${emails.length} email(s) sent in local mode.</p>
<table cellpadding="6" style="border-collapse:collapse"><tr><th>Sent</th><th>Kind</th><th>To</th><th>Subject</th></tr>${rows}</table></body>`;
}
