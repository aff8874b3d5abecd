/**
 * App registrations. Set per stage with `pnpm sst secret set MsClientSecret <value> --stage <stage>`
 * (or `--fallback` for every stage). Linked, not put in environment variables, so the values are
 * encrypted in the function bundle and read through `Resource` (see platform/linked-secrets.ts).
 */
export const secrets = {
  MsClientId: new sst.Secret("MsClientId"),
  MsClientSecret: new sst.Secret("MsClientSecret"),
  GoogleClientId: new sst.Secret("GoogleClientId"),
  GoogleClientSecret: new sst.Secret("GoogleClientSecret"),
};

export const allSecrets = Object.values(secrets);
