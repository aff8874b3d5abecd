import { createApiClient } from "./api.ts";
import { startTaskPane } from "./app.ts";
import { createTokenProvider, loadNestableMsal } from "./auth.ts";
import { builtConfig } from "./config.ts";
import type { OfficeSubset } from "./office-types.ts";

/** Entry of taskpane.js: waits for Office, then mounts the pane into #rapport-root. */

declare global {
  interface Window {
    Office?: OfficeSubset;
    /** Set only by the dev host page: a bearer token from the local API. */
    rapportDevToken?: () => Promise<string>;
  }
}

const mount = document.getElementById("rapport-root");
const office = window.Office;

if (mount && !office) {
  mount.textContent = "Open Rapport from a meeting in Outlook.";
} else if (mount && office) {
  void office.onReady(() => {
    const config = builtConfig();
    const auth = createTokenProvider({
      office,
      devToken: window.rapportDevToken,
      msal: config.msal,
      loadMsal: loadNestableMsal,
    });
    const api = createApiClient({ baseUrl: config.apiBaseUrl, getToken: () => auth.getToken() });
    const pane = startTaskPane({ doc: document, mount, office, api, auth, now: () => new Date() });
    void pane.load();
  });
}
