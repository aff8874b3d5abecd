import { isProduction } from "./stage.ts";

/** Wraps the per-token data keys of platform/token-vault (refresh tokens at rest). */
export const tokenKey = new aws.kms.Key("TokenKey", {
  description: `rapport ${$app.stage}: envelope key for provider refresh tokens`,
  enableKeyRotation: true,
  deletionWindowInDays: isProduction ? 30 : 7,
});

/** Linking grants exactly the two calls the vault makes, and nothing else on the key. */
export const tokenKeyLink = new sst.Linkable("TokenKey", {
  properties: { keyId: tokenKey.keyId, arn: tokenKey.arn },
  include: [
    sst.aws.permission({ actions: ["kms:GenerateDataKey", "kms:Decrypt"], resources: [tokenKey.arn] }),
  ],
});
