import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { ReplayTarget } from "../src/replay-target.ts";

/**
 * A stand-in for the local system over real HTTP: our API (OAuth start and callback, dev token,
 * contacts, paged suggestions) and one emulator (authorize redirect, admin API). It records
 * every call so tests can check what the replay did, and in which order.
 */
export interface FakeSystem {
  target: ReplayTarget;
  calls: string[];
  bodies: Record<string, unknown[]>;
  /** Open suggestions served after the run, split over two pages. */
  suggestions: unknown[];
  /** Makes the emulator's admin API fail (every call, or calls whose path has this text). */
  failEmulator: boolean | string;
  close(): Promise<void>;
}

async function readBody(request: IncomingMessage): Promise<unknown> {
  let text = "";
  for await (const chunk of request) text += chunk;
  return text ? JSON.parse(text) : undefined;
}

function listen(
  handler: (request: IncomingMessage, response: ServerResponse) => Promise<void>,
): Promise<Server> {
  const server = createServer((request, response) => {
    handler(request, response).catch(() => response.writeHead(500).end());
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

const origin = (server: Server) => `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

export async function startFakeSystem(): Promise<FakeSystem> {
  const fake = {
    calls: [] as string[],
    bodies: {} as Record<string, unknown[]>,
    suggestions: [] as unknown[],
    failEmulator: false,
  };
  const record = async (name: string, request: IncomingMessage) => {
    fake.calls.push(name);
    const body = await readBody(request);
    if (body !== undefined) fake.bodies[name] = [...(fake.bodies[name] ?? []), body];
  };
  let apiOrigin = "";

  const emulator = await listen(async (request, response) => {
    const url = new URL(request.url ?? "/", "http://x");
    if (url.pathname === "/oauth/authorize") {
      fake.calls.push(`authorize ${url.searchParams.get("login_hint")}`);
      const back = `${url.searchParams.get("redirect_uri")}?code=c1&state=${url.searchParams.get("state")}`;
      response.writeHead(302, { location: back }).end();
      return;
    }
    await record(`${request.method} ${decodeURIComponent(url.pathname)}`, request);
    const fail =
      typeof fake.failEmulator === "string" ? url.pathname.includes(fake.failEmulator) : fake.failEmulator;
    response.writeHead(fail ? 500 : 200, { "content-type": "application/json" }).end("{}");
  });

  const api = await listen(async (request, response) => {
    const url = new URL(request.url ?? "/", "http://x");
    const path = decodeURIComponent(url.pathname);
    if (path === "/auth/microsoft/start") {
      fake.calls.push("start");
      const authorize = new URL("/oauth/authorize", origin(emulator));
      authorize.searchParams.set("login_hint", url.searchParams.get("login_hint") ?? "");
      authorize.searchParams.set("state", "s1");
      authorize.searchParams.set("redirect_uri", `${apiOrigin}/auth/microsoft/callback`);
      response
        .writeHead(302, { location: authorize.href, "set-cookie": "oauth_state=s1; Path=/; HttpOnly" })
        .end();
    } else if (path === "/auth/microsoft/callback") {
      const carried = request.headers.cookie === "oauth_state=s1" && url.searchParams.get("state") === "s1";
      fake.calls.push(`callback ${carried ? "with" : "without"} cookie`);
      response.writeHead(carried ? 302 : 400, { location: "/connected" }).end();
    } else if (path === "/dev/token") {
      fake.calls.push(`token ${url.searchParams.get("email")}`);
      response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ token: "t1" }));
    } else if (request.headers.authorization !== "Bearer t1") {
      response.writeHead(401).end();
    } else if (request.method === "PUT" && path.startsWith("/api/v1/contacts/")) {
      await record(`PUT ${path}`, request);
      response.writeHead(200, { "content-type": "application/json" }).end("{}");
    } else if (path === "/api/v1/suggestions") {
      const second = url.searchParams.get("cursor") === "p2";
      fake.calls.push(`suggestions ${url.searchParams.get("state")}${second ? " p2" : ""}`);
      const half = Math.ceil(fake.suggestions.length / 2);
      const page = second
        ? { suggestions: fake.suggestions.slice(half) }
        : { suggestions: fake.suggestions.slice(0, half), cursor: "p2" };
      response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(page));
    } else response.writeHead(404).end();
  });
  apiOrigin = origin(api);

  const target: ReplayTarget = {
    apiUrl: apiOrigin,
    emulatorUrl: () => origin(emulator),
    setNow: async (iso) => void fake.calls.push(`now ${iso}`),
    drain: async () => void fake.calls.push("drain"),
    runJob: async (name) => void fake.calls.push(`job ${name}`),
    reset: async () => void fake.calls.push("reset"),
  };
  const close = (server: Server) => new Promise<void>((resolve) => server.close(() => resolve()));
  return Object.assign(fake, {
    target,
    close: async () => void (await Promise.all([close(api), close(emulator)])),
  });
}
