import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { specPath } from "./spec-path.js";

/** What the spec declares for one operation, as far as the suite needs it. */
export interface SpecOperation {
  readonly operationId: string;
  readonly method: string;
  readonly path: string;
  /** The function name by DESIGN's rule, used only to report missing functions. */
  readonly expectedName: string;
  /** 2xx statuses and the wire schema of their JSON body (undefined: no JSON body). */
  readonly success: ReadonlyMap<string, JsonSchema | undefined>;
  /** Numeric non-2xx statuses and what their body is. */
  readonly errors: ReadonlyMap<number, ErrorBody>;
}

/** "clerk": a JSON body of the ClerkErrors shape; "other": another body; "none": no body. */
export type ErrorBody = "clerk" | "other" | "none";

export type JsonSchema = Record<string, unknown>;

export interface LoadedSpec {
  readonly operations: readonly SpecOperation[];
  /** Follows `$ref`s within the document. */
  resolve(node: unknown): JsonSchema;
}

const METHODS = ["get", "put", "post", "delete", "patch", "head"];

let cached: LoadedSpec | undefined;

export function loadSpec(): LoadedSpec {
  if (cached) return cached;
  const doc = parse(readFileSync(specPath(), "utf8"), { maxAliasCount: -1 }) as Record<string, any>;
  const resolve = (node: unknown): JsonSchema => {
    let current = node as JsonSchema;
    for (let hops = 0; current && typeof current.$ref === "string" && hops < 20; hops++) {
      const ref = current.$ref as string;
      current = ref
        .slice(2)
        .split("/")
        .map((p) => p.replace(/~1/g, "/").replace(/~0/g, "~"))
        .reduce<any>((at, key) => at?.[key], doc);
    }
    return current ?? {};
  };
  const operations: SpecOperation[] = [];
  for (const [path, item] of Object.entries<Record<string, any>>(doc.paths)) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const success = new Map<string, JsonSchema | undefined>();
      const errors = new Map<number, ErrorBody>();
      for (const [status, raw] of Object.entries<unknown>(op.responses ?? {})) {
        const response = resolve(raw);
        const media = (response.content as Record<string, { schema?: unknown }> | undefined)?.["application/json"];
        if (/^2/.test(status)) {
          success.set(status, media?.schema ? resolve(media.schema) : undefined);
        } else if (/^\d{3}$/.test(status)) {
          errors.set(Number(status), bodyKind(response, resolve));
        }
      }
      operations.push({
        operationId: op.operationId,
        method: method.toUpperCase(),
        path,
        expectedName: functionName(op),
        success,
        errors,
      });
    }
  }
  cached = { operations, resolve };
  return cached;
}

function bodyKind(response: JsonSchema, resolve: (n: unknown) => JsonSchema): ErrorBody {
  const content = response.content as Record<string, { schema?: unknown }> | undefined;
  if (!content || Object.keys(content).length === 0) return "none";
  const schema = content["application/json"]?.schema;
  if (!schema) return "other";
  const errors = (resolve(schema).properties as Record<string, unknown> | undefined)?.errors;
  return errors && resolve(errors).type === "array" ? "clerk" : "other";
}

/** DESIGN: camelCase(x-speakeasy-group, else first tag) + PascalCase(name override, else operationId). */
function functionName(op: Record<string, any>): string {
  const group = words(op["x-speakeasy-group"] ?? op.tags?.[0] ?? "");
  const name = words(op["x-speakeasy-name-override"] ?? op.operationId);
  const upper = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);
  // A first word in capitals ("API Keys") is lower-cased whole; "emailSMSTemplates" is kept.
  const first = group[0] ?? "";
  const head = first === first.toUpperCase() ? first.toLowerCase() : first.charAt(0).toLowerCase() + first.slice(1);
  return [head, ...group.slice(1).map(upper), ...name.map(upper)].join("");
}

// Words are separated by anything but letters and digits; their own casing is kept.
function words(s: string): string[] {
  return s.split(/[^A-Za-z0-9]+/).filter(Boolean);
}
