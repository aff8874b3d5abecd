import { router } from "./router.ts";
import { secrets } from "./secret.ts";

/**
 * The Outlook add-in and Google add-on pages, served under /addin on the same origin as the
 * API, so the pages call the API without CORS. The build must use /addin as its base path.
 */
export const addins = new sst.aws.StaticSite("Addins", {
  path: "packages/addins",
  build: { command: "pnpm --filter @rapport/addins build", output: "dist" },
  environment: {
    PUBLIC_BASE_URL: router.url,
    MS_CLIENT_ID: secrets.MsClientId.value,
  },
  router: { instance: router, path: "/addin" },
});
