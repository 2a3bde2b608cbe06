import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";

const FILE = "webhooks-2025-04-15.yml";
const ROOT = fileURLToPath(new URL("../..", import.meta.url));

/** Where Clerk's webhooks document is: CLERK_OPENAPI_SPEC (a directory or a file in it), else shared/ beside the checkout. */
export function webhooksSpecPath(): string | undefined {
  const configured = process.env["CLERK_OPENAPI_SPEC"];
  const candidates = [
    ...(configured
      ? [existsSync(configured) && statSync(configured).isDirectory() ? configured : path.dirname(configured)]
      : []),
    path.join(ROOT, "..", "shared", "openapi"),
    "/work/shared/openapi",
  ].map((dir) => path.join(dir, FILE));
  return candidates.find((file) => existsSync(file));
}

export interface ExampleEvent {
  /** The x-webhooks key, e.g. "user.created". */
  readonly name: string;
  readonly event: Record<string, unknown>;
}

/** The example payload of every x-webhooks entry (inline `example` or `examples` with component refs). */
export function exampleEvents(file: string): ExampleEvent[] {
  const doc = parse(readFileSync(file, "utf8")) as {
    "x-webhooks": Record<
      string,
      {
        post: {
          requestBody: {
            content: Record<
              string,
              { example?: unknown; examples?: Record<string, { $ref?: string; value?: unknown }> }
            >;
          };
        };
      }
    >;
    components?: { examples?: Record<string, { value: unknown }> };
  };
  const out: ExampleEvent[] = [];
  for (const [name, item] of Object.entries(doc["x-webhooks"])) {
    const media = item.post.requestBody.content["application/json"]!;
    const examples =
      media.example !== undefined
        ? [media.example]
        : Object.values(media.examples ?? {}).map((e) =>
            e.$ref ? doc.components?.examples?.[e.$ref.split("/").pop()!]?.value : e.value,
          );
    for (const event of examples) out.push({ name, event: event as Record<string, unknown> });
  }
  return out;
}
