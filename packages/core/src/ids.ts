import { randomBytes } from "node:crypto";

/** A prefixed, time-sortable id: prefix, base36 milliseconds, random tail. */
export function newId(prefix: "usr" | "evt" | "msg" | "req"): string {
  const time = Date.now().toString(36).padStart(9, "0");
  return `${prefix}_${time}${randomBytes(8).toString("hex")}`;
}
