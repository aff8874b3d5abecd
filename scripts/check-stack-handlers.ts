import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { pathToFileURL } from "node:url";

/**
 * Fails when a stack names a Lambda handler that does not exist. SST only notices at deploy
 * time (which cannot run in CI here), so `pnpm typecheck` runs this instead. It reads text and
 * imports nothing from SST: handlers are written as literal "functions/src/<name>.<export>".
 */

export interface HandlerReference {
  /** The stack file that names the handler, relative to the root. */
  stackFile: string;
  /** As written, e.g. "functions/src/api.handler". */
  handler: string;
  /** The source file it points at, relative to the root. */
  sourceFile: string;
  exportName: string;
}

export interface HandlerProblem extends HandlerReference {
  problem: "missing file" | "missing export";
}

const HANDLER_LITERAL = /["'`](functions\/src\/[\w./-]+?)\.([A-Za-z_$][\w$]*)["'`]/g;

function stackFiles(rootDir: string): string[] {
  const files = existsSync(join(rootDir, "sst.config.ts")) ? ["sst.config.ts"] : [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(join(rootDir, dir), { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith(".ts")) files.push(path);
    }
  };
  if (existsSync(join(rootDir, "stacks"))) walk("stacks");
  return files;
}

export function findHandlerReferences(rootDir: string): HandlerReference[] {
  const references: HandlerReference[] = [];
  for (const stackFile of stackFiles(rootDir)) {
    const text = readFileSync(join(rootDir, stackFile), "utf8");
    for (const match of text.matchAll(HANDLER_LITERAL)) {
      const [literal, base = "", exportName = ""] = match;
      references.push({ stackFile, handler: literal.slice(1, -1), sourceFile: `${base}.ts`, exportName });
    }
  }
  return references;
}

function exportsName(source: string, name: string): boolean {
  const declared = new RegExp(`export\\s+(?:const|let|var|(?:async\\s+)?function\\*?)\\s+${name}\\b`);
  const listed = new RegExp(`export\\s*\\{[^}]*\\b${name}\\b[^}]*\\}`);
  return declared.test(source) || listed.test(source);
}

export function checkStackHandlers(rootDir: string): HandlerProblem[] {
  const problems: HandlerProblem[] = [];
  for (const reference of findHandlerReferences(rootDir)) {
    const path = join(rootDir, reference.sourceFile);
    if (!existsSync(path)) problems.push({ ...reference, problem: "missing file" });
    else if (!exportsName(readFileSync(path, "utf8"), reference.exportName)) {
      problems.push({ ...reference, problem: "missing export" });
    }
  }
  return problems;
}

export function formatProblems(problems: HandlerProblem[]): string {
  return problems
    .map(
      (p) =>
        `${p.stackFile}: handler "${p.handler}": ${p.problem} (${p.sourceFile} must export ${p.exportName})`,
    )
    .join("\n");
}

const invokedDirectly =
  process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (invokedDirectly) {
  const rootDir = process.argv[2] ?? process.cwd();
  const references = findHandlerReferences(rootDir);
  const problems = checkStackHandlers(rootDir);
  if (problems.length > 0) {
    console.error(`Stacks name handlers that do not exist:\n${formatProblems(problems)}`);
    process.exit(1);
  }
  console.log(
    `${references.length} stack handlers found in ${relative(process.cwd(), rootDir) || "."}; all exist.`,
  );
}
