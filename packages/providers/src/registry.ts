import type { Provider } from "@rapport/core";
import { createGoogleAuth, createGoogleSession } from "./google/index.ts";
import { createMicrosoftAuth, createMicrosoftSession } from "./microsoft/index.ts";
import type { ProviderAuth, ProviderEndpoints, ProviderSession } from "./provider.ts";

/**
 * The one factory that picks a provider. Everything else asks it for an auth or a session
 * and never branches on the provider name itself.
 */
export interface ProviderRegistry {
  auth(provider: Provider): ProviderAuth;
  session(
    provider: Provider,
    options: { getAccessToken: () => Promise<string>; userEmails: string[] },
  ): ProviderSession;
}

export interface ProviderCredentials {
  microsoft: { clientId: string; clientSecret: string };
  google: { clientId: string; clientSecret: string };
}

export function createProviderRegistry(input: {
  endpoints: ProviderEndpoints;
  credentials: ProviderCredentials;
  clock: () => Date;
}): ProviderRegistry {
  const { endpoints, credentials, clock } = input;
  const auths: Record<Provider, ProviderAuth> = {
    microsoft: createMicrosoftAuth({ endpoints, ...credentials.microsoft }),
    google: createGoogleAuth({ endpoints, ...credentials.google }),
  };
  return {
    auth: (provider) => auths[provider],
    session: (provider, options) =>
      provider === "microsoft"
        ? createMicrosoftSession({ endpoints, clock, ...options })
        : createGoogleSession({ endpoints, clock, ...options }),
  };
}
