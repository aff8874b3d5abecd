import { resolve } from "node:path";
import { buildAddins } from "./build.ts";

/**
 * `pnpm --filter @rapport/addins build`: builds dist/ and prints sizes. Environment:
 * ADDIN_PUBLIC_BASE_URL (default http://localhost:3000/addin), API_BASE_URL, OFFICE_JS_URL,
 * MS_CLIENT_ID + MS_AUTHORITY + ADDIN_API_SCOPE for Nested App Authentication.
 */
const env = process.env;
const outDir = resolve(new URL("..", import.meta.url).pathname, "dist");
const files = await buildAddins({
  outDir,
  publicBaseUrl: env.ADDIN_PUBLIC_BASE_URL ?? "http://localhost:3000/addin",
  apiBaseUrl: env.API_BASE_URL,
  officeJsUrl: env.OFFICE_JS_URL,
  msal:
    env.MS_CLIENT_ID && env.MS_AUTHORITY
      ? {
          clientId: env.MS_CLIENT_ID,
          authority: env.MS_AUTHORITY,
          scopes: [env.ADDIN_API_SCOPE ?? `api://${env.MS_CLIENT_ID}/access_as_user`],
        }
      : undefined,
});
for (const file of files)
  console.log(
    `${file.path.padEnd(40)} ${String(file.bytes).padStart(8)} B  ${String(file.gzipBytes).padStart(7)} B gzip`,
  );
