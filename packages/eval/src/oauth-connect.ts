import { bodyExcerpt, ReplayHttpError } from "./http.ts";

/**
 * Connects a mailbox the way a browser would: start at our API, follow every redirect by hand
 * (provider authorize page, back to our callback), carrying the cookies each origin set.
 */

const MAX_HOPS = 12;

/** Cookies per origin, enough for a redirect chain: name=value, deletions honoured. */
export class CookieJar {
  private readonly byOrigin = new Map<string, Map<string, string>>();

  store(url: URL, response: Response): void {
    const cookies = this.byOrigin.get(url.origin) ?? new Map<string, string>();
    for (const line of response.headers.getSetCookie()) {
      const [pair = "", ...attributes] = line.split(";");
      const separator = pair.indexOf("=");
      if (separator <= 0) continue;
      const name = pair.slice(0, separator).trim();
      const expired = attributes.some((attribute) => {
        const [key = "", value = ""] = attribute.split("=").map((part) => part.trim());
        if (key.toLowerCase() === "max-age") return Number(value) <= 0;
        if (key.toLowerCase() === "expires") return Date.parse(value) <= Date.now();
        return false;
      });
      if (expired) cookies.delete(name);
      else cookies.set(name, pair.slice(separator + 1).trim());
    }
    this.byOrigin.set(url.origin, cookies);
  }

  header(url: URL): string | undefined {
    const cookies = this.byOrigin.get(url.origin);
    if (!cookies || cookies.size === 0) return undefined;
    return [...cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }
}

export interface ConnectResult {
  /** Every URL requested, in order (for error messages and tests). */
  visited: string[];
}

/** Runs the OAuth redirect chain for `email`; resolves once our callback has answered. */
export async function connectMailbox(
  apiUrl: string,
  provider: "microsoft" | "google",
  email: string,
): Promise<ConnectResult> {
  const api = new URL(apiUrl);
  const callbackPath = `/auth/${provider}/callback`;
  const jar = new CookieJar();
  const visited: string[] = [];
  let url = new URL(`/auth/${provider}/start?login_hint=${encodeURIComponent(email)}`, api);
  let reachedCallback = false;

  for (let hop = 0; hop < MAX_HOPS; hop++) {
    visited.push(url.href);
    const cookie = jar.header(url);
    const response = await fetch(url, { redirect: "manual", headers: cookie ? { cookie } : {} });
    jar.store(url, response);
    if (url.origin === api.origin && url.pathname === callbackPath) reachedCallback = true;

    const step = `connect ${provider} (${url.origin}${url.pathname})`;
    if (response.status >= 400) throw new ReplayHttpError(step, response.status, await bodyExcerpt(response));
    const location = response.headers.get("location");
    const isRedirect = response.status >= 300 && response.status < 400 && location !== null;
    await response.body?.cancel();
    // Our callback answered without error: the connection exists, whatever page it shows next.
    if (reachedCallback) return { visited };
    if (!isRedirect) {
      throw new ReplayHttpError(step, response.status, "stopped before reaching our OAuth callback");
    }
    url = new URL(location ?? "", url);
  }
  throw new Error(`connect ${provider}: more than ${MAX_HOPS} redirects (${visited.join(" -> ")})`);
}
