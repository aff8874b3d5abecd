/**
 * One public HTTPS origin for the API and the add-in pages. Its URL is known before the API
 * function exists, so it can be the API's PUBLIC_BASE_URL (a function URL cannot name itself),
 * and the add-ins call the API same-origin. OAuth redirect URIs are registered against it.
 */
export const router = new sst.aws.Router("Public");
