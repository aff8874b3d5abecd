import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config.ts";

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
  throw new Error("expected loadConfig to throw");
}

describe("loadConfig", () => {
  it("uses the production defaults when nothing is set", () => {
    const config = loadConfig({});
    expect(config.mode).toBe("aws");
    expect(config.port).toBe(3000);
    expect(config.tableName).toBe("rapport");
    expect(config.publicBaseUrl).toBe("http://localhost:3000");
    expect(config.logLevel).toBe("INFO");
    expect(config.microsoft.graphBaseUrl).toBe("https://graph.microsoft.com/v1.0");
    expect(config.microsoft.loginBaseUrl).toBe("https://login.microsoftonline.com");
    expect(config.google.apiRootUrl).toBe("https://www.googleapis.com/");
    expect(config.google.oauthBaseUrl).toBe("https://oauth2.googleapis.com");
    expect(config.google.authBaseUrl).toBe("https://accounts.google.com");
    expect(config.google.certsUrl).toBe("https://www.googleapis.com/oauth2/v3/certs");
    expect(config.mail.transport).toBe("provider");
    expect(config.dynamodbEndpoint).toBeUndefined();
    expect(config.microsoft.clientSecret).toBeUndefined();
    expect(config.explicit).toEqual({ graph: false, google: false });
  });

  it("takes overrides and records which provider endpoints were set explicitly", () => {
    const config = loadConfig({
      GRAPH_BASE_URL: "http://127.0.0.1:4001/v1.0/",
      GOOGLE_API_ROOT_URL: "http://127.0.0.1:4002",
      PORT: "8080",
      RAPPORT_MODE: "local",
      LOG_LEVEL: "debug",
      DYNAMODB_ENDPOINT: "http://localhost:8000",
      MS_CLIENT_ID: "ms-id",
      MS_CLIENT_SECRET: "ms-secret",
      MAIL_TRANSPORT: "ses",
      SES_FROM: "briefings@example.com",
      TABLE_NAME: "rapport-dev",
    });
    expect(config.microsoft.graphBaseUrl).toBe("http://127.0.0.1:4001/v1.0");
    expect(config.google.apiRootUrl).toBe("http://127.0.0.1:4002/");
    expect(config.port).toBe(8080);
    expect(config.mode).toBe("local");
    expect(config.logLevel).toBe("DEBUG");
    expect(config.dynamodbEndpoint).toBe("http://localhost:8000");
    expect(config.microsoft.clientId).toBe("ms-id");
    expect(config.microsoft.clientSecret).toBe("ms-secret");
    expect(config.mail).toEqual({ transport: "ses", sesFrom: "briefings@example.com" });
    expect(config.tableName).toBe("rapport-dev");
    expect(config.explicit).toEqual({ graph: true, google: true });
  });

  it("treats blank values as unset", () => {
    const config = loadConfig({ PORT: "", GRAPH_BASE_URL: "  " });
    expect(config.port).toBe(3000);
    expect(config.explicit.graph).toBe(false);
  });

  it.each(["abc", "0", "65536", "3.5", "-1"])("rejects PORT=%s naming the variable and value", (value) => {
    expect(problemsOf({ PORT: value })).toEqual([
      `PORT: expected an integer between 1 and 65535, got ${JSON.stringify(value)}`,
    ]);
  });

  it("rejects a URL that is not an http(s) URL", () => {
    expect(problemsOf({ GRAPH_BASE_URL: "not a url" })).toEqual([
      'GRAPH_BASE_URL: expected an http(s) URL, got "not a url"',
    ]);
    expect(problemsOf({ GOOGLE_CERTS_URL: "ftp://example.com/certs" })[0]).toMatch(/^GOOGLE_CERTS_URL: /);
  });

  it("rejects an unknown mode, transport or log level", () => {
    expect(problemsOf({ RAPPORT_MODE: "cloud" })).toEqual([
      'RAPPORT_MODE: expected one of "aws", "local", got "cloud"',
    ]);
    expect(problemsOf({ MAIL_TRANSPORT: "smtp" })[0]).toMatch(/^MAIL_TRANSPORT: expected one of/);
    expect(problemsOf({ LOG_LEVEL: "loud" })[0]).toMatch(/^LOG_LEVEL: expected one of/);
  });

  it("rejects a malformed email address", () => {
    expect(problemsOf({ GOOGLE_ADDON_SERVICE_ACCOUNT: "nobody" })).toEqual([
      'GOOGLE_ADDON_SERVICE_ACCOUNT: expected an email address, got "nobody"',
    ]);
  });

  it("requires SES_FROM when mail goes through SES", () => {
    expect(problemsOf({ MAIL_TRANSPORT: "ses" })).toEqual([
      'SES_FROM: required when MAIL_TRANSPORT is "ses"',
    ]);
  });

  it("lists every bad variable at once", () => {
    const problems = problemsOf({ PORT: "abc", PUBLIC_BASE_URL: "nowhere", RAPPORT_MODE: "x" });
    expect(problems.map((p) => p.split(":")[0]).sort()).toEqual(["PORT", "PUBLIC_BASE_URL", "RAPPORT_MODE"]);
    expect(() => loadConfig({ PORT: "abc", PUBLIC_BASE_URL: "nowhere" })).toThrow(/PORT:[\s\S]*got "abc"/);
  });
});
