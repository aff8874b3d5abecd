/**
 * Connects an account the way a person would: open /auth/{provider}/start, follow the
 * provider's redirects (the emulator approves at once for `login_hint`), land on our callback
 * with the state cookie. Used for the demo users, the scenario replay and end-to-end tests,
 * so they all exercise the production sign-in path over HTTP.
 */
export async function connectThroughOAuth(apiUrl: string, provider: "microsoft" | "google", email: string): Promise<void> {
  const cookies = new Map<string, string>();
  let url = `${apiUrl}/auth/${provider}/start?login_hint=${encodeURIComponent(email)}`;
  for (let hop = 0; hop < 10; hop++) {
    const sameOrigin = url.startsWith(apiUrl);
    const headers: Record<string, string> = {};
    if (sameOrigin && cookies.size > 0) {
      headers.cookie = [...cookies].map(([k, v]) => `${k}=${v}`).join("; ");
    }
    const response = await fetch(url, { redirect: "manual", headers });
    if (sameOrigin) {
      for (const line of response.headers.getSetCookie()) {
        const [pair] = line.split(";");
        const eq = pair?.indexOf("=") ?? -1;
        if (pair && eq > 0) cookies.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
      }
    }
    const location = response.headers.get("location");
    if (response.status >= 300 && response.status < 400 && location) {
      await response.body?.cancel();
      url = new URL(location, url).toString();
      continue;
    }
    const text = await response.text();
    if (!response.ok) throw new Error(`connecting ${email} to ${provider} failed with ${response.status}: ${text.slice(0, 300)}`);
    return;
  }
  throw new Error(`connecting ${email} to ${provider}: too many redirects`);
}
