import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { gzipSync } from "node:zlib";
import * as esbuild from "esbuild";
import { ICON_SIZES, iconPng } from "./icons.ts";
import { manifestFor } from "./manifest/manifest-for.ts";
import type { TaskPaneConfig } from "./taskpane/config.ts";

export interface BuildAddinsOptions {
  outDir: string;
  /** Where these files are served from, e.g. https://addin.example.com or http://localhost:3000/addin. */
  publicBaseUrl: string;
  /** Rapport API origin; omitted means the pages' own origin. */
  apiBaseUrl?: string;
  /** The Office.js script URL (config default: Microsoft's CDN). Omitted: pages load without it (dev host only). */
  officeJsUrl?: string;
  /** Nested App Authentication settings; without them the pane shows its "not configured" state. */
  msal?: TaskPaneConfig["msal"];
  minify?: boolean;
}

export interface BuiltFile {
  path: string;
  bytes: number;
  gzipBytes: number;
}

const src = new URL(".", import.meta.url).pathname;

/** Builds the task pane, event handlers, dev pages, icons and manifests into outDir. */
export async function buildAddins(options: BuildAddinsOptions): Promise<BuiltFile[]> {
  const { outDir } = options;
  const minify = options.minify ?? true;
  await rm(outDir, { recursive: true, force: true });
  await mkdir(join(outDir, "assets"), { recursive: true });
  const config: TaskPaneConfig = {
    apiBaseUrl: options.apiBaseUrl ?? "",
    ...(options.msal ? { msal: options.msal } : {}),
  };
  const common: esbuild.BuildOptions = {
    bundle: true,
    minify,
    legalComments: "none",
    logLevel: "silent",
    outdir: outDir,
  };

  await Promise.all([
    // ESM with splitting: MSAL lands in its own chunk, fetched only where NAA is available.
    esbuild.build({
      ...common,
      entryPoints: { taskpane: join(src, "taskpane/main.ts") },
      format: "esm",
      splitting: true,
      chunkNames: "chunks/[name]-[hash]",
      target: "es2020",
      define: { __RAPPORT_CONFIG__: JSON.stringify(config) },
    }),
    // One classic script without imports: classic Outlook's JavaScript-only runtime loads it alone.
    esbuild.build({
      ...common,
      entryPoints: { commands: join(src, "commands/commands.ts") },
      format: "iife",
      target: "es2017",
    }),
    esbuild.build({
      ...common,
      entryPoints: {
        "dev-host": join(src, "dev-host/dev-host.ts"),
        "google-card": join(src, "dev-host/google-card.ts"),
      },
      format: "esm",
      target: "es2020",
    }),
    esbuild.build({
      ...common,
      entryPoints: { taskpane: join(src, "taskpane/taskpane.css") },
      target: "chrome100",
    }),
  ]);

  const officeTag = options.officeJsUrl ? `<script src="${options.officeJsUrl}"></script>` : "";
  const pages: [string, string][] = [
    ["taskpane/taskpane.html", "taskpane.html"],
    ["commands/commands.html", "commands.html"],
    ["dev-host/dev-host.html", "dev-host.html"],
    ["dev-host/google-card.html", "google-card.html"],
    ["dev-host/support.html", "support.html"],
  ];
  for (const [from, to] of pages) {
    const html = await readFile(join(src, from), "utf8");
    await writeFile(join(outDir, to), html.replace("<!--OFFICE_JS-->", officeTag));
  }
  for (const size of ICON_SIZES) await writeFile(join(outDir, "assets", `icon-${size}.png`), iconPng(size));
  await writeFile(join(outDir, "assets", "icon-color-192.png"), iconPng(192));
  await writeFile(join(outDir, "assets", "icon-outline-32.png"), iconPng(32, "outline"));
  const manifests = manifestFor(options.publicBaseUrl);
  await writeFile(join(outDir, "manifest.xml"), manifests.xml);
  await writeFile(join(outDir, "manifest.json"), manifests.json);
  return sizes(outDir);
}

async function sizes(outDir: string): Promise<BuiltFile[]> {
  const { readdir } = await import("node:fs/promises");
  const entries = await readdir(outDir, { recursive: true, withFileTypes: true });
  const files: BuiltFile[] = [];
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const full = join(entry.parentPath, entry.name);
    const content = await readFile(full);
    files.push({ path: relative(outDir, full), bytes: content.length, gzipBytes: gzipSync(content).length });
  }
  return files.sort((a, b) => a.path.localeCompare(b.path));
}
