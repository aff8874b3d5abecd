import type { OfficeSubset } from "./office-types.ts";

/**
 * Tokens for the Rapport API. In Outlook: MSAL.js Nested App Authentication, where the host
 * supports it (NestedAppAuth 1.1; not on Outlook.com or older builds). MSAL is loaded only then,
 * so the pane's first paint does not pay for it. The dev host injects `rapportDevToken` instead.
 */

export interface MsalSettings {
  clientId: string;
  /** Authority URL; comes from the deployment's config, never written here. */
  authority: string;
  /** e.g. api://<client id>/access_as_user. NAA needs a scope beyond openid/profile. */
  scopes: string[];
}

export type AuthFailure = "unsupported" | "not_configured" | "needs_sign_in";

export class AuthError extends Error {
  constructor(
    readonly reason: AuthFailure,
    message: string,
  ) {
    super(message);
    this.name = "AuthError";
  }
}

export interface TokenProvider {
  /** interactive: may open the host's sign-in popup (call from a click). */
  getToken(options?: { interactive?: boolean }): Promise<string>;
}

/** The few MSAL calls used, so tests can pass a fake. */
export interface NestableClient {
  acquireTokenSilent(request: { scopes: string[] }): Promise<{ accessToken: string }>;
  acquireTokenPopup(request: { scopes: string[] }): Promise<{ accessToken: string }>;
}
export type MsalLoader = (settings: MsalSettings) => Promise<NestableClient>;

export interface TokenProviderOptions {
  office: Pick<OfficeSubset, "context">;
  /** Dev host only: `window.rapportDevToken`. */
  devToken?: () => Promise<string>;
  msal?: MsalSettings;
  loadMsal?: MsalLoader;
}

export function createTokenProvider(options: TokenProviderOptions): TokenProvider {
  let client: Promise<NestableClient> | undefined;

  return {
    async getToken({ interactive = false } = {}) {
      if (options.devToken) return options.devToken();
      if (!options.office.context.requirements.isSetSupported("NestedAppAuth", "1.1"))
        throw new AuthError(
          "unsupported",
          "This version of Outlook can't sign in add-ins. Use Outlook on the web or the new Outlook, or update Outlook.",
        );
      const settings = options.msal;
      if (!settings?.clientId || !options.loadMsal)
        throw new AuthError("not_configured", "Sign-in isn't configured for this deployment of Rapport.");
      client ??= options.loadMsal(settings);
      const pca = await client;
      const request = { scopes: settings.scopes };
      try {
        return (await pca.acquireTokenSilent(request)).accessToken;
      } catch (silentError) {
        if (!interactive) throw new AuthError("needs_sign_in", "Sign in to see your relationship insights.");
        try {
          return (await pca.acquireTokenPopup(request)).accessToken;
        } catch {
          throw new AuthError("needs_sign_in", describe(silentError));
        }
      }
    },
  };
}

function describe(error: unknown): string {
  return error instanceof Error && error.message
    ? `Sign-in didn't complete: ${error.message}`
    : "Sign-in didn't complete.";
}

/** The real loader: a separate chunk, fetched only when NAA is available. */
export const loadNestableMsal: MsalLoader = async (settings) => {
  const msal = await import("@azure/msal-browser");
  return msal.createNestablePublicClientApplication({
    auth: { clientId: settings.clientId, authority: settings.authority },
  });
};
