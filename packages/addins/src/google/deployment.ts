import deploymentJson from "../../google/deployment.json" with { type: "json" };
import { Deployment } from "./deployment-schema.ts";

/** The hosts the checked-in deployment uses; replaced per environment by `deploymentFor`. */
export const PLACEHOLDER_API_ORIGIN = "https://api.rapport.example";
export const PLACEHOLDER_ADDIN_ORIGIN = "https://addin.rapport.example";

/** The checked-in deployment, parsed: the single source of the add-on's scopes. */
export const deployment: Deployment = Deployment.parse(deploymentJson);

/** Scopes each trigger cannot work without (granular consent lets users untick the rest). */
export function requiredScopes(trigger: "homepage" | "event-open"): string[] {
  const needed =
    trigger === "event-open"
      ? ["calendar.addons.execute", "calendar.addons.current.event.read", "userinfo.email"]
      : ["calendar.addons.execute", "userinfo.email"];
  return deployment.oauthScopes.filter((s) => needed.some((n) => s.endsWith(`/auth/${n}`)));
}

/** The deployment JSON for one environment: the API and the add-in's static files on their real hosts. */
export function deploymentFor(apiBaseUrl: string, addinBaseUrl: string): Deployment {
  const api = new URL(apiBaseUrl).href.replace(/\/$/, "");
  const addin = new URL(addinBaseUrl).href.replace(/\/$/, "");
  const text = JSON.stringify(deploymentJson)
    .split(PLACEHOLDER_API_ORIGIN)
    .join(api)
    .split(PLACEHOLDER_ADDIN_ORIGIN)
    .join(addin);
  return Deployment.parse(JSON.parse(text));
}
