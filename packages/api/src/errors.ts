import { VisibleError } from "@rapport/core";
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { ZodError } from "zod";
import type { AppEnv } from "./env.ts";

const STATUS: Record<VisibleError["kind"], ContentfulStatusCode> = {
  input: 400,
  auth: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
};

/** The one error mapping: visible errors keep their message, anything else is a logged 500. */
export function onError(error: Error, c: Context<AppEnv>) {
  if (error instanceof VisibleError) {
    if (error.kind === "auth") c.header("WWW-Authenticate", 'Bearer error="invalid_token"');
    return c.json({ error: error.code, message: error.message }, STATUS[error.kind]);
  }
  if (error instanceof ZodError) {
    const first = error.issues[0];
    const where = first?.path.length ? `${first.path.join(".")}: ` : "";
    return c.json({ error: "invalid_input", message: `${where}${first?.message ?? "invalid input"}` }, 400);
  }
  if (error instanceof HTTPException) return error.getResponse();
  c.get("log")?.error("unhandled error", { error: error.message, name: error.name });
  return c.json({ error: "internal", message: "Something went wrong on our side." }, 500);
}
