/**
 * An error whose message may be shown to the caller. `kind` maps to a status at the edge:
 * input 400, auth 401, forbidden 403, not_found 404, conflict 409.
 */
export class VisibleError extends Error {
  constructor(
    readonly kind: "input" | "auth" | "forbidden" | "not_found" | "conflict",
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "VisibleError";
  }
}
