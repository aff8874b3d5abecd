/** A Graph-shaped failure: routes turn it into `{ error: { code, message, innerError } }`. */
export class GraphHttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = "GraphHttpError";
  }
}

/** The body Graph sends with every error response. */
export function graphErrorBody(code: string, message: string, now: Date, requestId: string) {
  return {
    error: {
      code,
      message,
      innerError: {
        date: now.toISOString().replace(/\.\d{3}Z$/, ""),
        "request-id": requestId,
        "client-request-id": requestId,
      },
    },
  };
}
