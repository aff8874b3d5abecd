// Server-side entry points of @rapport/addins. The build (esbuild) is a separate import,
// "@rapport/addins/build", so Lambda bundles of the API never pull esbuild in.
export { createGoogleAddonRoutes, GOOGLE_ADDON_PATHS, type GoogleAddonRoutesOptions } from "./google/routes.ts";
export { eventCard, homepageCard, errorCard } from "./google/cards.ts";
export { deploymentFor } from "./google/deployment.ts";
export { manifestFor } from "./manifest/manifest-for.ts";
export { createAddinStaticRoutes } from "./static.ts";
