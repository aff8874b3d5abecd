import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import AjvDraft04 from "ajv-draft-04";
import addFormats from "ajv-formats";

/**
 * Validates a unified (JSON) manifest against the schema that npm @microsoft/app-manifest bundles,
 * fully offline. The package's own validateAgainstSchema can't load here (it requires fs-extra,
 * which it doesn't declare as a dependency), so this does what it does: ajv draft-04, same formats.
 */
export function validateUnifiedManifest(manifest: unknown): string[] {
  const schema = bundledSchema(schemaVersion(manifest));
  const ajv = new AjvDraft04({ allErrors: true, strictTypes: false });
  addFormats(ajv, ["uri", "email", "regex"]);
  const validate = ajv.compile(schema);
  if (validate(JSON.parse(JSON.stringify(manifest)))) return [];
  return (validate.errors ?? []).map(
    (e) => `${e.instancePath || "/"} ${e.message ?? ""} ${JSON.stringify(e.params)}`,
  );
}

function schemaVersion(manifest: unknown): string {
  const url = (manifest as { $schema?: unknown })?.$schema;
  const match =
    typeof url === "string"
      ? /\/teams\/(v[\d.]+|vDevPreview)\/MicrosoftTeams\.schema\.json$/.exec(url)
      : null;
  if (!match?.[1])
    throw new Error("The manifest's $schema is not a Microsoft Teams/unified manifest schema URL.");
  return match[1];
}

function bundledSchema(version: string): object {
  const require = createRequire(import.meta.url);
  const packageDir = dirname(require.resolve("@microsoft/app-manifest/package.json"));
  const file = join(packageDir, "build", "json-schemas", "teams", version, "MicrosoftTeams.schema.json");
  return JSON.parse(readFileSync(file, "utf8")) as object;
}
