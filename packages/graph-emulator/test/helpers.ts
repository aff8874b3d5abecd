import { createHash, randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createMicrosoftAuth, createMicrosoftSession } from "@rapport/providers/microsoft/index";
import type { GraphEmulator } from "../src/index.ts";

export const REDIRECT_URI = "http://127.0.0.1:9/auth/microsoft/callback";

export function pkce() {
  const verifier = randomBytes(32).toString("base64url");
  return { verifier, challenge: createHash("sha256").update(verifier).digest("base64url") };
}

export function microsoftAuth(emulator: GraphEmulator) {
  return createMicrosoftAuth({
    endpoints: { msLoginBaseUrl: emulator.loginUrl },
    clientId: emulator.clientId,
    clientSecret: emulator.clientSecret,
  });
}

/** Runs the authorization code flow the way the API's callback does, without a browser. */
export async function signIn(emulator: GraphEmulator, email: string) {
  const auth = microsoftAuth(emulator);
  const { verifier, challenge } = pkce();
  const response = await fetch(
    auth.authorizeUrl({
      state: "st-1",
      codeChallenge: challenge,
      redirectUri: REDIRECT_URI,
      loginHint: email,
    }),
    { redirect: "manual" },
  );
  const location = new URL(response.headers.get("location") ?? "");
  const code = location.searchParams.get("code");
  if (!code) throw new Error(`no code: ${location}`);
  return auth.exchangeCode({ code, codeVerifier: verifier, redirectUri: REDIRECT_URI });
}

export async function sessionFor(
  emulator: GraphEmulator,
  email: string,
  clock: () => Date = () => new Date(),
) {
  const tokens = await signIn(emulator, email);
  return createMicrosoftSession({
    endpoints: { graphBaseUrl: emulator.url },
    getAccessToken: async () => tokens.accessToken,
    userEmails: [email],
    clock,
  });
}

export interface ReceivedPost {
  path: string;
  body: unknown;
}

/**
 * A tiny local webhook: answers Graph's validation handshake (or refuses to, when told) and
 * records every notification batch.
 */
export async function startWebhook(options: { answer?: "echo" | "wrong" | "encoded" } = {}) {
  const received: ReceivedPost[] = [];
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const token = url.searchParams.get("validationToken");
    let raw = "";
    req.on("data", (chunk) => {
      raw += chunk;
    });
    req.on("end", () => {
      if (token !== null) {
        const answer =
          options.answer === "wrong"
            ? "not the token"
            : options.answer === "encoded"
              ? encodeURIComponent(token)
              : token;
        res.writeHead(200, { "content-type": "text/plain" }).end(answer);
        return;
      }
      received.push({ path: url.pathname, body: raw ? JSON.parse(raw) : undefined });
      res.writeHead(202).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    notificationUrl: `${origin}/webhooks/microsoft`,
    lifecycleUrl: `${origin}/webhooks/microsoft/lifecycle`,
    received,
    /** Notification items received at `path`. */
    items(path: string): Array<Record<string, unknown>> {
      return received
        .filter((r) => r.path === path)
        .flatMap((r) => (r.body as { value: Array<Record<string, unknown>> }).value);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A Graph event JSON as a scenario would give it. */
export function graphEvent(input: {
  subject: string;
  start: string;
  minutes: number;
  organizer: string;
  attendees?: string[];
}) {
  const end = new Date(Date.parse(input.start) + input.minutes * 60_000).toISOString();
  return {
    subject: input.subject,
    start: { dateTime: input.start.replace("Z", ""), timeZone: "UTC" },
    end: { dateTime: end.replace("Z", ""), timeZone: "UTC" },
    organizer: { emailAddress: { address: input.organizer } },
    attendees: (input.attendees ?? []).map((address) => ({
      type: "required",
      status: { response: "none", time: "0001-01-01T00:00:00Z" },
      emailAddress: { address },
    })),
  };
}
