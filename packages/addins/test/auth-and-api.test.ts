import { describe, expect, it } from "vitest";
import { ApiError, createApiClient } from "../src/taskpane/api.ts";
import { AuthError, createTokenProvider, type NestableClient } from "../src/taskpane/auth.ts";
import { fakeOffice } from "./fake-office.ts";
import { sampleInsights } from "./sample-insights.ts";

const msal = {
  clientId: "client",
  authority: "https://login.invalid/common",
  scopes: ["api://client/access_as_user"],
};

function fakeMsal(silent: "ok" | "fail"): NestableClient & { popups: number } {
  const client = {
    popups: 0,
    async acquireTokenSilent() {
      if (silent === "fail") throw new Error("interaction_required");
      return { accessToken: "silent-token" };
    },
    async acquireTokenPopup() {
      client.popups++;
      return { accessToken: "popup-token" };
    },
  };
  return client;
}

describe("tokens", () => {
  it("uses Nested App Authentication silently where the host supports it", async () => {
    const auth = createTokenProvider({
      office: fakeOffice({ mode: "read", naa: true }),
      msal,
      loadMsal: async () => fakeMsal("ok"),
    });
    expect(await auth.getToken()).toBe("silent-token");
  });

  it("asks for sign-in when the silent call fails, and opens the popup only on an explicit sign-in", async () => {
    const client = fakeMsal("fail");
    const auth = createTokenProvider({
      office: fakeOffice({ mode: "read", naa: true }),
      msal,
      loadMsal: async () => client,
    });
    await expect(auth.getToken()).rejects.toMatchObject({ reason: "needs_sign_in" });
    expect(client.popups).toBe(0);
    expect(await auth.getToken({ interactive: true })).toBe("popup-token");
  });

  it("explains clearly where Nested App Authentication is not supported", async () => {
    const auth = createTokenProvider({
      office: fakeOffice({ mode: "read", naa: false }),
      msal,
      loadMsal: async () => fakeMsal("ok"),
    });
    const error = await auth.getToken().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthError);
    expect((error as AuthError).reason).toBe("unsupported");
    expect((error as AuthError).message).toContain("can't sign in add-ins");
  });

  it("prefers the dev host's token provider", async () => {
    const auth = createTokenProvider({ office: fakeOffice({ mode: "read" }), devToken: async () => "dev" });
    expect(await auth.getToken()).toBe("dev");
  });
});

describe("API client", () => {
  const respond = (status: number, body: unknown) => async () =>
    new Response(JSON.stringify(body), { status });

  it("sends the bearer token to the meeting insights route and returns its JSON", async () => {
    const seen: { url: string; auth: string | null }[] = [];
    const api = createApiClient({
      baseUrl: "https://api.test/",
      getToken: async () => "tok",
      fetch: async (input, init) => {
        seen.push({ url: String(input), auth: new Headers(init?.headers).get("authorization") });
        return new Response(JSON.stringify(sampleInsights()));
      },
    });
    const insights = await api.meetingInsights("AAMk/1=");
    expect(insights.suggestions).toHaveLength(3);
    expect(seen).toEqual([
      { url: "https://api.test/api/v1/meetings/microsoft/AAMk%2F1%3D/insights", auth: "Bearer tok" },
    ]);
  });

  it.each([
    [401, "signed_out"],
    [404, "not_found"],
    [500, "server"],
  ])("maps HTTP %i to the %s state", async (status, kind) => {
    const api = createApiClient({
      baseUrl: "",
      getToken: async () => "t",
      fetch: respond(status, { error: "x" }),
    });
    await expect(api.meetingInsights("e")).rejects.toMatchObject({ kind });
  });

  it("treats a malformed answer and an unreachable service as their own states", async () => {
    const malformed = createApiClient({
      baseUrl: "",
      getToken: async () => "t",
      fetch: respond(200, { meeting: {} }),
    });
    await expect(malformed.meetingInsights("e")).rejects.toMatchObject({ kind: "bad_response" });
    const offline = createApiClient({
      baseUrl: "",
      getToken: async () => "t",
      fetch: async () => Promise.reject(new TypeError("fetch failed")),
    });
    const error = await offline.meetingInsights("e").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).kind).toBe("network");
  });
});
