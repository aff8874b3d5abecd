/**
 * On AWS the client ids and secrets are SST links (`sst.Secret`, encrypted in the bundle), not
 * plain environment variables that anyone with Lambda console access could read. This maps the
 * linked values onto the variable names `loadConfig` reads, so there is still one config module:
 *
 *   import { Resource } from "sst";
 *   const config = loadConfig({ ...process.env, ...environmentFromLinks(Resource) });
 */
export const LINKED_SECRETS = {
  MsClientId: "MS_CLIENT_ID",
  MsClientSecret: "MS_CLIENT_SECRET",
  GoogleClientId: "GOOGLE_CLIENT_ID",
  GoogleClientSecret: "GOOGLE_CLIENT_SECRET",
} as const;

export function environmentFromLinks(resource: object): Record<string, string> {
  const environment: Record<string, string> = {};
  for (const [link, variable] of Object.entries(LINKED_SECRETS)) {
    let linked: unknown;
    try {
      // SST's Resource proxy throws for a name that is not linked; that just means "unset".
      linked = (resource as Record<string, unknown>)[link];
    } catch {
      continue;
    }
    const value = (linked as { value?: unknown } | undefined)?.value;
    if (typeof value === "string" && value !== "") environment[variable] = value;
  }
  return environment;
}
