/** Small fetch helpers for the replay: one error type that says which request failed and how. */

export class ReplayHttpError extends Error {
  constructor(
    readonly step: string,
    readonly status: number,
    detail: string,
  ) {
    super(`${step}: HTTP ${status}${detail ? ` ${detail}` : ""}`);
    this.name = "ReplayHttpError";
  }
}

/** The start of a response body, for error messages only. */
export async function bodyExcerpt(response: Response): Promise<string> {
  const text = await response.text().catch(() => "");
  return text.length > 300 ? `${text.slice(0, 300)}...` : text;
}

/** Sends JSON (when given) and returns the parsed JSON answer, or throws ReplayHttpError. */
export async function requestJson(
  step: string,
  url: string,
  init: { method?: string; body?: unknown; token?: string } = {},
): Promise<unknown> {
  const headers: Record<string, string> = { accept: "application/json" };
  if (init.body !== undefined) headers["content-type"] = "application/json";
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  const response = await fetch(url, {
    method: init.method ?? "GET",
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  if (!response.ok) throw new ReplayHttpError(step, response.status, await bodyExcerpt(response));
  const text = await response.text();
  if (text.trim() === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new ReplayHttpError(step, response.status, "answered with a body that is not JSON");
  }
}
