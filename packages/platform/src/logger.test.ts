import { afterEach, describe, expect, it, vi } from "vitest";
import { createLogger, withRequestId } from "./logger.ts";

/** Captures what the logger prints: info goes to stdout, warn and error to stderr. */
function captureOutput(): { lines: () => string[]; text: () => string } {
  const chunks: string[] = [];
  const record = (chunk: string | Uint8Array) => {
    chunks.push(typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8"));
    return true;
  };
  vi.spyOn(process.stdout, "write").mockImplementation(record);
  vi.spyOn(process.stderr, "write").mockImplementation(record);
  const text = () => chunks.join("");
  return {
    text,
    lines: () =>
      text()
        .split("\n")
        .filter((line) => line.trim() !== ""),
  };
}

const jwt = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1c2VyLTEifQ.c2lnbmF0dXJl";

afterEach(() => {
  vi.restoreAllMocks();
});

describe("createLogger", () => {
  it("never prints credentials named by key, at any depth", () => {
    const out = captureOutput();
    createLogger("test").info("token exchange", {
      refresh_token: "refresh-value-1",
      access_token: "access-value-2",
      nested: {
        deeper: [{ clientState: "state-value-3", validationToken: "validation-value-4" }],
        headers: { Authorization: "Basic dXNlcjpwYXNz", "X-Goog-Channel-Token": "channel-value-5" },
      },
      code: "oauth-code-6",
      password: "password-value-7",
      clientSecret: "secret-value-8",
      statusCode: 200,
    });
    const text = out.text();
    for (const secret of ["refresh-value-1", "access-value-2", "state-value-3", "validation-value-4"]) {
      expect(text).not.toContain(secret);
    }
    for (const secret of [
      "dXNlcjpwYXNz",
      "channel-value-5",
      "oauth-code-6",
      "password-value-7",
      "secret-value-8",
    ]) {
      expect(text).not.toContain(secret);
    }
    const line = JSON.parse(out.lines()[0] ?? "{}");
    expect(line.message).toBe("token exchange");
    expect(line.refresh_token).toBe("[redacted]");
    expect(line.nested.deeper[0].clientState).toBe("[redacted]");
    expect(line.statusCode).toBe(200);
  });

  it("redacts bearer tokens and JWTs inside ordinary values and error messages", () => {
    const out = captureOutput();
    const logger = createLogger("test");
    logger.warn(`call failed with header Bearer ${jwt}`, { detail: `id token ${jwt} rejected` });
    logger.error("provider error", new Error(`401 for Bearer abc.def-ghi`));
    const text = out.text();
    expect(text).not.toContain(jwt);
    expect(text).not.toContain("abc.def-ghi");
    expect(text).toContain("rejected");
    expect(out.lines()).toHaveLength(2);
  });

  it("stamps the request id on every line of a request's child logger", () => {
    const out = captureOutput();
    const logger = createLogger("test");
    withRequestId(logger, "req-1").info("first");
    logger.info("outside the request");
    const [inside, outside] = out.lines().map((line) => JSON.parse(line));
    expect(inside.requestId).toBe("req-1");
    expect(inside.service).toBe("test");
    expect(outside.requestId).toBeUndefined();
  });
});
