import { z } from "zod";

/**
 * The documented fields of a Google Workspace add-on HTTP deployment (gsuiteaddons v1
 * Deployment; AddOns, CommonAddOnManifest, CalendarAddOnManifest, HttpOptions), as far as a
 * Calendar add-on uses them. Strict objects: a misspelt field is an error, not silently ignored.
 */

const httpsUrl = z.url({ protocol: /^https$/ });
const Trigger = z.strictObject({ runFunction: httpsUrl, enabled: z.boolean().optional() });

export const CommonAddOnManifest = z.strictObject({
  name: z.string().min(1),
  logoUrl: httpsUrl,
  layoutProperties: z
    .strictObject({ primaryColor: z.string().optional(), secondaryColor: z.string().optional() })
    .optional(),
  useLocaleFromApp: z.boolean().optional(),
  homepageTrigger: Trigger.optional(),
  universalActions: z
    .array(
      z.strictObject({ label: z.string(), openLink: httpsUrl.optional(), runFunction: httpsUrl.optional() }),
    )
    .optional(),
  openLinkUrlPrefixes: z.array(z.string()).optional(),
});

export const CalendarAddOnManifest = z.strictObject({
  homepageTrigger: Trigger.optional(),
  eventOpenTrigger: Trigger.optional(),
  eventUpdateTrigger: Trigger.optional(),
  eventAttachmentTrigger: z.strictObject({ runFunction: httpsUrl, label: z.string() }).optional(),
  currentEventAccess: z.enum(["METADATA", "READ", "WRITE", "READ_WRITE"]).optional(),
  conferenceSolution: z.array(z.unknown()).optional(),
  createSettingsUrlFunction: z.string().optional(),
});

export const HttpOptions = z.strictObject({
  authorizationHeader: z.enum(["SYSTEM_ID_TOKEN", "USER_ID_TOKEN", "NONE"]).optional(),
  granularOauthPermissionSupport: z.enum(["OPT_IN", "OPT_OUT"]).optional(),
});

const scope = z.string().regex(/^https:\/\/www\.googleapis\.com\/auth\/[a-z.]+$/, "an OAuth scope URL");

export const Deployment = z
  .strictObject({
    oauthScopes: z.array(scope).min(1),
    addOns: z.strictObject({
      common: CommonAddOnManifest,
      calendar: CalendarAddOnManifest.optional(),
      gmail: z.unknown().optional(),
      drive: z.unknown().optional(),
      docs: z.unknown().optional(),
      sheets: z.unknown().optional(),
      slides: z.unknown().optional(),
      httpOptions: HttpOptions.optional(),
    }),
    etag: z.string().optional(),
  })
  .superRefine((deployment, ctx) => {
    // Documented: READ/READ_WRITE event access needs the current-event read scope; WRITE needs write.
    const access = deployment.addOns.calendar?.currentEventAccess;
    const has = (suffix: string) => deployment.oauthScopes.some((s) => s.endsWith(`/auth/${suffix}`));
    if ((access === "READ" || access === "READ_WRITE") && !has("calendar.addons.current.event.read"))
      ctx.addIssue({
        code: "custom",
        path: ["oauthScopes"],
        message: "READ access needs calendar.addons.current.event.read",
      });
    if ((access === "WRITE" || access === "READ_WRITE") && !has("calendar.addons.current.event.write"))
      ctx.addIssue({
        code: "custom",
        path: ["oauthScopes"],
        message: "WRITE access needs calendar.addons.current.event.write",
      });
    if (deployment.addOns.calendar && !has("calendar.addons.execute"))
      ctx.addIssue({
        code: "custom",
        path: ["oauthScopes"],
        message: "a Calendar add-on needs calendar.addons.execute",
      });
  });
export type Deployment = z.infer<typeof Deployment>;
