import type { Context } from "@microsoft/microsoft-graph-client";
import { Client, HTTPMessageHandler, type Middleware } from "@microsoft/microsoft-graph-client";
import pLimit, { type LimitFunction } from "p-limit";

/** Outlook allows four concurrent requests per app and mailbox; stay within it. */
export const MAILBOX_CONCURRENCY = 4;

const limiters = new Map<string, LimitFunction>();

/** One limiter per mailbox, shared by every session of that mailbox in this process. */
export function mailboxLimiter(mailbox: string): LimitFunction {
  const key = mailbox.trim().toLowerCase();
  let limit = limiters.get(key);
  if (!limit) {
    limit = pLimit(MAILBOX_CONCURRENCY);
    limiters.set(key, limit);
  }
  return limit;
}

/**
 * Adds the bearer token and `Prefer: IdType="ImmutableId"` to every request (merged with any
 * other preference such as odata.maxpagesize), and holds requests to the mailbox's limit.
 * Written by hand because the SDK's AuthenticationHandler only signs https Graph hosts.
 */
class SessionMiddleware implements Middleware {
  private next?: Middleware;

  constructor(
    private readonly getAccessToken: () => Promise<string>,
    private readonly limit: LimitFunction,
  ) {}

  setNext(next: Middleware): void {
    this.next = next;
  }

  async execute(context: Context): Promise<void> {
    const headers = new Headers(context.options?.headers as HeadersInit | undefined);
    if (context.request instanceof Request) {
      for (const [key, value] of context.request.headers) if (!headers.has(key)) headers.set(key, value);
    }
    const preferences = (headers.get("prefer") ?? "")
      .split(",")
      .map((p) => p.trim())
      .filter((p) => p && !/^idtype\s*=/i.test(p));
    headers.set("prefer", ['IdType="ImmutableId"', ...preferences].join(", "));
    await this.limit(async () => {
      headers.set("authorization", `Bearer ${await this.getAccessToken()}`);
      context.options = { ...context.options, headers: Object.fromEntries(headers.entries()) };
      await this.next?.execute(context);
    });
  }
}

export interface GraphClientOptions {
  /** GRAPH_BASE_URL: the production default from config, or an emulator's http://127.0.0.1:1234/v1.0. */
  graphBaseUrl: string;
  getAccessToken: () => Promise<string>;
  /** The mailbox the token belongs to: requests are limited per mailbox. */
  mailbox: string;
}

/** Splits GRAPH_BASE_URL into the SDK's `baseUrl` (origin and any prefix) and `defaultVersion`. */
export function splitGraphBaseUrl(graphBaseUrl: string): { baseUrl: string; version: string } {
  const trimmed = graphBaseUrl.replace(/\/+$/, "");
  const cut = trimmed.lastIndexOf("/");
  return { baseUrl: trimmed.slice(0, cut), version: trimmed.slice(cut + 1) };
}

/** A Graph SDK client bound to one mailbox. No retry middleware: the sync worker decides retries. */
export function createGraphClient(options: GraphClientOptions): Client {
  const { baseUrl, version } = splitGraphBaseUrl(options.graphBaseUrl);
  const session = new SessionMiddleware(options.getAccessToken, mailboxLimiter(options.mailbox));
  session.setNext(new HTTPMessageHandler());
  return Client.initWithMiddleware({ middleware: session, baseUrl, defaultVersion: version });
}

/**
 * nextLink/deltaLink -> a path the SDK accepts. The SDK only parses absolute https URLs, so
 * links under our own base URL are made relative to it.
 */
export function graphPath(graphBaseUrl: string, link: string): string {
  const base = graphBaseUrl.replace(/\/+$/, "");
  if (link.startsWith(`${base}/`)) return link.slice(base.length);
  const url = new URL(link);
  const { version } = splitGraphBaseUrl(graphBaseUrl);
  const path = url.pathname.replace(new RegExp(`^.*?/${version}/`), "/");
  return `${path}${url.search}`;
}
