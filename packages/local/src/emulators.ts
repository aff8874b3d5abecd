import type { GraphEmulator } from "@rapport/graph-emulator";
import type { GoogleEmulator } from "@rapport/google-emulator";
import type { Config } from "@rapport/platform";

/**
 * The provider emulators `pnpm start` runs in place of Microsoft and Google, unless the
 * provider's endpoints were set explicitly (real accounts, outside conformance tests): then
 * that provider's configuration is used as given and no emulator starts for it.
 */
export interface RunningEmulators {
  microsoftConfig: Partial<Config["microsoft"]>;
  googleConfig: Partial<Config["google"]>;
  /** Origin of a provider's emulator (its admin API is under /_emulator). */
  origin(provider: "microsoft" | "google"): string;
  /** Resolves when every pending notification or push was delivered. */
  flush(): Promise<void>;
  stop(): Promise<void>;
  graph?: GraphEmulator;
  google?: GoogleEmulator;
}

export const LOCAL_MS_CLIENT = { clientId: "rapport-local-ms-client", clientSecret: "rapport-local-ms-secret" };
export const LOCAL_GOOGLE_CLIENT = {
  clientId: "rapport-local.apps.googleusercontent.example",
  clientSecret: "rapport-local-google-secret",
};
/** Google's real issuer string, so the API's verifier checks the same thing locally as on AWS. */
const GOOGLE_ISSUER = "https://accounts.google.com";

export async function startEmulators(input: {
  config: Config;
  clock: { now(): Date };
}): Promise<RunningEmulators> {
  const { config, clock } = input;
  const now = () => clock.now();
  const stops: Array<() => Promise<void>> = [];
  const origins: Partial<Record<"microsoft" | "google", string>> = {};
  let graphEmulator: GraphEmulator | undefined;
  let googleEmulator: GoogleEmulator | undefined;
  let microsoftConfig: RunningEmulators["microsoftConfig"] = {};
  let googleConfig: RunningEmulators["googleConfig"] = {};

  if (!config.explicit.graph) {
    const { startGraphEmulator } = await import("@rapport/graph-emulator");
    const clientId = config.microsoft.clientId ?? LOCAL_MS_CLIENT.clientId;
    const clientSecret = config.microsoft.clientSecret ?? LOCAL_MS_CLIENT.clientSecret;
    const apiAudience = config.microsoft.apiAudience ?? clientId;
    const graph = await startGraphEmulator({ port: 0, clock: now, clientId, clientSecret, apiAudience });
    graphEmulator = graph;
    stops.push(() => graph.stop());
    origins.microsoft = new URL(graph.url).origin;
    microsoftConfig = { graphBaseUrl: graph.url, loginBaseUrl: graph.loginUrl, clientId, clientSecret, apiAudience };
  }
  if (!config.explicit.google) {
    const { startGoogleEmulator } = await import("@rapport/google-emulator");
    const clientId = config.google.clientId ?? LOCAL_GOOGLE_CLIENT.clientId;
    const clientSecret = config.google.clientSecret ?? LOCAL_GOOGLE_CLIENT.clientSecret;
    const google = await startGoogleEmulator({ port: 0, clock: now, clientId, clientSecret, issuer: GOOGLE_ISSUER });
    googleEmulator = google;
    stops.push(() => google.stop());
    origins.google = new URL(google.rootUrl).origin;
    googleConfig = {
      apiRootUrl: google.rootUrl,
      oauthBaseUrl: google.oauthUrl,
      authBaseUrl: google.authUrl,
      certsUrl: google.certsUrl,
      clientId,
      clientSecret,
    };
  }

  return {
    microsoftConfig,
    googleConfig,
    origin(provider) {
      const origin = origins[provider];
      if (!origin) throw new Error(`no ${provider} emulator is running (real endpoints configured)`);
      return origin;
    },
    async flush() {
      await Promise.all(
        Object.values(origins).map(async (origin) => {
          const response = await fetch(`${origin}/_emulator/flush`, { method: "POST" });
          await response.body?.cancel();
        }),
      );
    },
    async stop() {
      await Promise.all(stops.map((stop) => stop()));
    },
    graph: graphEmulator,
    google: googleEmulator,
  };
}
