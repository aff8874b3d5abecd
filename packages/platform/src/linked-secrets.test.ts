import { describe, expect, it } from "vitest";
import { environmentFromLinks } from "./linked-secrets.ts";

describe("environmentFromLinks", () => {
  it("maps linked secrets onto the config variable names and skips unlinked ones", () => {
    // Behaves like SST's Resource proxy: unknown names throw.
    const linked: Record<string, { value: string }> = {
      MsClientId: { value: "ms-id" },
      MsClientSecret: { value: "ms-secret" },
    };
    const resource = new Proxy(linked, {
      get(target, prop: string) {
        if (!(prop in target)) throw new Error(`"${prop}" is not linked`);
        return target[prop];
      },
    });
    expect(environmentFromLinks(resource)).toEqual({ MS_CLIENT_ID: "ms-id", MS_CLIENT_SECRET: "ms-secret" });
  });
});
