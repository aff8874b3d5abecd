import type { MsalSettings } from "./auth.ts";

/** Values fixed at build time by `buildAddins` (esbuild `define`). */
export interface TaskPaneConfig {
  /** API origin; "" means the pane's own origin. */
  apiBaseUrl: string;
  msal?: MsalSettings;
}

declare const __RAPPORT_CONFIG__: TaskPaneConfig | undefined;

export function builtConfig(): TaskPaneConfig {
  return typeof __RAPPORT_CONFIG__ === "undefined" ? { apiBaseUrl: "" } : __RAPPORT_CONFIG__;
}
