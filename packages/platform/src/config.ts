import { z } from "zod";

/**
 * The one configuration module. Every variable is read from the environment here, with its
 * production default; this file is the only place Microsoft and Google URLs are written.
 * Blank values count as unset, so `PORT=` in a shell file falls back to the default.
 */

const httpUrl = z.url({ protocol: /^https?$/, error: "expected an http(s) URL" });
const text = z.string();
const email = z.email({ error: "expected an email address" });
const port = z
  .string()
  .regex(/^\d{1,5}$/, { error: "expected an integer between 1 and 65535" })
  .transform(Number)
  .refine((n) => n >= 1 && n <= 65535, { error: "expected an integer between 1 and 65535" });
const oneOf = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: `expected one of ${values.map((v) => `"${v}"`).join(", ")}` });

const LOG_LEVELS = ["TRACE", "DEBUG", "INFO", "WARN", "ERROR", "CRITICAL", "SILENT"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

const Environment = z.object({
  GRAPH_BASE_URL: httpUrl.default("https://graph.microsoft.com/v1.0"),
  MS_LOGIN_BASE_URL: httpUrl.default("https://login.microsoftonline.com"),
  GOOGLE_API_ROOT_URL: httpUrl.default("https://www.googleapis.com/"),
  GOOGLE_OAUTH_BASE_URL: httpUrl.default("https://oauth2.googleapis.com"),
  GOOGLE_AUTH_BASE_URL: httpUrl.default("https://accounts.google.com"),
  GOOGLE_CERTS_URL: httpUrl.default("https://www.googleapis.com/oauth2/v3/certs"),
  PUBLIC_BASE_URL: httpUrl.default("http://localhost:3000"),
  DYNAMODB_ENDPOINT: httpUrl.optional(),
  MS_CLIENT_ID: text.optional(),
  MS_CLIENT_SECRET: text.optional(),
  MS_API_AUDIENCE: text.optional(),
  GOOGLE_CLIENT_ID: text.optional(),
  GOOGLE_CLIENT_SECRET: text.optional(),
  GOOGLE_ADDON_SERVICE_ACCOUNT: email.optional(),
  PORT: port.default(3000),
  TABLE_NAME: text.default("rapport"),
  SYNC_QUEUE_URL: httpUrl.optional(),
  TOKEN_KMS_KEY_ID: text.optional(),
  LOCAL_KEY_FILE: text.optional(),
  RAPPORT_MODE: oneOf(["aws", "local"]).default("aws"),
  LOG_LEVEL: oneOf(LOG_LEVELS).default("INFO"),
  MAIL_TRANSPORT: oneOf(["provider", "ses"]).default("provider"),
  SES_FROM: email.optional(),
});
type EnvironmentName = keyof typeof Environment.shape;
const NAMES = Object.keys(Environment.shape) as EnvironmentName[];

/** Values never echoed in an error message. */
const SECRET_NAMES = new Set<string>(["MS_CLIENT_SECRET", "GOOGLE_CLIENT_SECRET"]);

export interface Config {
  mode: "aws" | "local";
  port: number;
  /** Where webhooks and OAuth callbacks reach the API; no trailing slash. */
  publicBaseUrl: string;
  logLevel: LogLevel;
  tableName: string;
  /** Unset on AWS; DynamoDB Local's URL otherwise. */
  dynamodbEndpoint?: string;
  syncQueueUrl?: string;
  tokenKmsKeyId?: string;
  localKeyFile?: string;
  microsoft: {
    /** No trailing slash, e.g. https://graph.microsoft.com/v1.0 */
    graphBaseUrl: string;
    loginBaseUrl: string;
    clientId?: string;
    clientSecret?: string;
    /** Audience of the add-in's bearer tokens (e.g. api://host/client-id); defaults to the client id. */
    apiAudience?: string;
  };
  google: {
    /** Always ends with "/", as Google's client joins paths onto it. */
    apiRootUrl: string;
    oauthBaseUrl: string;
    authBaseUrl: string;
    certsUrl: string;
    clientId?: string;
    clientSecret?: string;
    addonServiceAccount?: string;
  };
  mail: { transport: "provider" | "ses"; sesFrom?: string };
  /** Which provider endpoints were set explicitly: local mode then uses them, not an emulator. */
  explicit: { graph: boolean; google: boolean };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  ${problems.join("\n  ")}`);
    this.name = "ConfigError";
  }
}

const trimSlash = (url: string) => url.replace(/\/+$/, "");

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const raw: Partial<Record<EnvironmentName, string>> = {};
  for (const name of NAMES) {
    const value = env[name]?.trim();
    if (value) raw[name] = name === "LOG_LEVEL" ? value.toUpperCase() : value;
  }

  const parsed = Environment.safeParse(raw);
  const problems: string[] = [];
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const name = String(issue.path[0]);
      const value = raw[name as EnvironmentName];
      const got = value === undefined || SECRET_NAMES.has(name) ? "" : `, got ${JSON.stringify(value)}`;
      problems.push(`${name}: ${issue.message}${got}`);
    }
  }
  if (raw.MAIL_TRANSPORT === "ses" && !raw.SES_FROM) {
    problems.push(`SES_FROM: required when MAIL_TRANSPORT is "ses"`);
  }
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems);

  const e = parsed.data;
  return {
    mode: e.RAPPORT_MODE,
    port: e.PORT,
    publicBaseUrl: trimSlash(e.PUBLIC_BASE_URL),
    logLevel: e.LOG_LEVEL,
    tableName: e.TABLE_NAME,
    dynamodbEndpoint: e.DYNAMODB_ENDPOINT,
    syncQueueUrl: e.SYNC_QUEUE_URL,
    tokenKmsKeyId: e.TOKEN_KMS_KEY_ID,
    localKeyFile: e.LOCAL_KEY_FILE,
    microsoft: {
      graphBaseUrl: trimSlash(e.GRAPH_BASE_URL),
      loginBaseUrl: trimSlash(e.MS_LOGIN_BASE_URL),
      clientId: e.MS_CLIENT_ID,
      clientSecret: e.MS_CLIENT_SECRET,
      apiAudience: e.MS_API_AUDIENCE,
    },
    google: {
      apiRootUrl: `${trimSlash(e.GOOGLE_API_ROOT_URL)}/`,
      oauthBaseUrl: trimSlash(e.GOOGLE_OAUTH_BASE_URL),
      authBaseUrl: trimSlash(e.GOOGLE_AUTH_BASE_URL),
      certsUrl: e.GOOGLE_CERTS_URL,
      clientId: e.GOOGLE_CLIENT_ID,
      clientSecret: e.GOOGLE_CLIENT_SECRET,
      addonServiceAccount: e.GOOGLE_ADDON_SERVICE_ACCOUNT,
    },
    mail: { transport: e.MAIL_TRANSPORT, sesFrom: e.SES_FROM },
    explicit: { graph: raw.GRAPH_BASE_URL !== undefined, google: raw.GOOGLE_API_ROOT_URL !== undefined },
  };
}
