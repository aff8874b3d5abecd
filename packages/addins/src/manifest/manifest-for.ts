import { readFileSync } from "node:fs";

/** The host every URL in the checked-in manifests uses; replaced per deployment. */
export const PLACEHOLDER_ORIGIN = "https://addin.rapport.example";

const manifestDir = new URL("../../manifest/", import.meta.url);

export function manifestTemplates(): { xml: string; json: string } {
  return {
    xml: readFileSync(new URL("manifest.xml", manifestDir), "utf8"),
    json: readFileSync(new URL("manifest.json", manifestDir), "utf8"),
  };
}

/**
 * Both Outlook manifests for a deployment: `publicBaseUrl` is where the add-in files are served
 * (an https origin, optionally with a path such as https://app.example.com/addin).
 */
export function manifestFor(publicBaseUrl: string): { xml: string; json: string } {
  const base = new URL(publicBaseUrl);
  if (base.protocol !== "https:" && base.hostname !== "localhost" && base.hostname !== "127.0.0.1")
    throw new Error("Office add-ins must be served over https (localhost excepted).");
  const origin = base.href.replace(/\/$/, "");
  const { xml, json } = manifestTemplates();
  const manifest = JSON.parse(json.split(PLACEHOLDER_ORIGIN).join(origin)) as { validDomains?: string[] };
  manifest.validDomains = [base.host];
  return {
    xml: xml.split(PLACEHOLDER_ORIGIN).join(escapeXmlAttribute(origin)),
    json: `${JSON.stringify(manifest, null, 2)}\n`,
  };
}

function escapeXmlAttribute(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
}
