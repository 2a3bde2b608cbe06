import { existsSync, readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Operation } from "../../src/lib/operation.js";
import type { OperationFn } from "./exchange.js";

/** A generated function with the descriptor it hands to the interpreter. */
export interface LoadedFunction {
  readonly name: string;
  readonly fn: OperationFn;
  /** Undefined when the func file does not export its descriptor. */
  readonly op: Operation | undefined;
  /** "GET /users/{user_id}": from the exported descriptor, else read from the func file's source. */
  readonly route: string | undefined;
  /** The whole camelCase request schema (op.input, else the operations model). */
  readonly input: unknown;
}

const FUNCS = fileURLToPath(new URL("../../src/funcs/", import.meta.url));
const OPERATIONS = fileURLToPath(new URL("../../src/models/operations/", import.meta.url));

/** Imports every `src/funcs/<name>.ts` (not the barrel). */
export async function loadFunctions(): Promise<LoadedFunction[]> {
  if (!existsSync(FUNCS)) return [];
  const files = readdirSync(FUNCS).filter((f) => f.endsWith(".ts") && f !== "index.ts");
  return Promise.all(
    files.map(async (file) => {
      const name = file.slice(0, -3);
      const mod = (await import(/* @vite-ignore */ `${FUNCS}${file}`)) as Record<string, unknown>;
      const fn = mod[name] as OperationFn;
      const op = Object.values(mod).find(isOperation);
      const input = op ? op.input : await requestSchemaByConvention(name);
      return { name, fn, op, input, route: op ? `${op.method} ${op.path}` : routeFromSource(`${FUNCS}${file}`) };
    }),
  );
}

function isOperation(value: unknown): value is Operation {
  return !!value && typeof value === "object" && "method" in value && "path" in value && "responses" in value;
}

// Fallback: src/models/operations/<name>.ts exporting <PascalName>Request$outbound.
async function requestSchemaByConvention(name: string): Promise<unknown> {
  const file = `${OPERATIONS}${name}.ts`;
  if (!existsSync(file)) return undefined;
  const mod = (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
  const pascal = name.charAt(0).toUpperCase() + name.slice(1);
  return mod[`${pascal}Request$outbound`];
}

// The descriptor literal in a generated file: `method: "GET",\n  path: "/users",`.
function routeFromSource(file: string): string | undefined {
  const m = /\bmethod: "([A-Z]+)",\s*path: "([^"]+)"/.exec(readFileSync(file, "utf8"));
  return m ? `${m[1]} ${m[2]}` : undefined;
}
