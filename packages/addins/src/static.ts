import { readFile } from "node:fs/promises";
import { extname, join, normalize, sep } from "node:path";
import { Hono } from "hono";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".png": "image/png",
};

/**
 * Serves a `buildAddins` output directory under `basePath` (default /addin), for the local
 * runtime. On AWS the same files go to static hosting instead.
 */
export function createAddinStaticRoutes(options: { dir: string; basePath?: string }): Hono {
  const base = (options.basePath ?? "/addin").replace(/\/$/, "");
  const root = normalize(options.dir);
  const app = new Hono();
  app.get(`${base}/*`, async (c) => {
    const relative = decodeURIComponent(c.req.path.slice(base.length + 1)) || "dev-host.html";
    const file = normalize(join(root, relative));
    if (!file.startsWith(root + sep)) return c.notFound();
    const type = TYPES[extname(file)];
    if (!type) return c.notFound();
    try {
      const body = await readFile(file);
      // Chunk names carry a content hash; the rest must be re-read after a rebuild.
      const cache = relative.startsWith("chunks/") ? "public, max-age=31536000, immutable" : "no-cache";
      return c.body(body, 200, { "content-type": type, "cache-control": cache });
    } catch {
      return c.notFound();
    }
  });
  return app;
}
