// src/models/webhooks/**: data models of every event in the webhooks document
// (x-webhooks), and index.ts with the WebhookEvent union and its decoder.
import { emitModels } from "./emit-model.js";
import { formatFile } from "./format.js";
import { HAND_WRITTEN, banner } from "./generate.js";
import { buildIR } from "./ir.js";
import type { LoadedSpec } from "./load.js";
import { RepairLog } from "./log.js";
import { lowerFirst, pascal } from "./naming.js";
import { normalize, type RawSchema as Schema } from "./normalize.js";
import type { Document, Operation } from "./openapi.js";

const ENVELOPE = "WebhookEventPayload";
const PREFIX = "Webhook";

export interface GeneratedWebhooks {
  readonly files: Map<string, string>;
  readonly repairs: readonly string[];
  readonly eventTypes: readonly string[];
}

/** Finds the `data` schema of an event: a property of one of the envelope's allOf parts. */
function dataSchema(event: Schema): Schema | undefined {
  if (event.properties?.data) return event.properties.data;
  for (const part of (event.allOf ?? []) as Schema[]) {
    const found = part.$ref ? undefined : dataSchema(part);
    if (found) return found;
  }
  return undefined;
}

export async function generateWebhooks(spec: LoadedSpec, opts: { format?: boolean } = {}): Promise<GeneratedWebhooks> {
  const log = new RepairLog();
  // A webhooks document: OpenAPI, with its events under `x-webhooks` (or 3.1's `webhooks`).
  type EventItem = { post?: Operation; get?: Operation };
  const source = spec.doc as Document & {
    "x-webhooks"?: Record<string, EventItem>;
    webhooks?: Record<string, EventItem>;
  };
  const events = source["x-webhooks"] ?? source.webhooks ?? {};
  const schemas: Record<string, Schema> = { ...(source.components?.schemas ?? {}) };
  // Each event becomes a pseudo-operation whose response is its data, so the
  // Backend API pipeline (normalize, IR, lenient models) is reused as is.
  const paths: Record<string, unknown> = {};
  const dataRef = new Map<string, string>();
  for (const type of Object.keys(events).sort()) {
    const op = events[type]?.post ?? events[type]?.get;
    const event = op?.requestBody?.content?.["application/json"]?.schema as Schema | undefined;
    let data = event ? dataSchema(event) : undefined;
    if (!data) {
      log.add(`event ${type}`, "no data schema: data typed as unknown");
      data = {};
    }
    let ref: string;
    if (data.$ref) ref = data.$ref;
    else {
      const name = `${pascal(type)}EventData`;
      schemas[name] = data;
      ref = `#/components/schemas/${name}`;
      log.add(`event ${type}`, `inline data schema modelled as ${PREFIX}${name}`);
    }
    dataRef.set(type, ref.split("/").pop()!);
    paths[`/${type}`] = {
      post: {
        operationId: type,
        "x-speakeasy-group": "webhook",
        tags: ["Webhooks"],
        responses: { "200": { description: "", content: { "application/json": { schema: { $ref: ref } } } } },
      },
    };
  }
  const doc = normalize({ openapi: source.openapi, info: source.info, paths, components: { schemas } }, log);
  // Clerk's own examples in this document omit "required" properties and send
  // null for non-nullable ones; a verified event must still decode.
  log.add(
    "all data models",
    "every property optional and nullable (the document's examples break its required/nullable)",
  );
  const ir = buildIR(doc, log, {
    skipSchemas: [ENVELOPE],
    handWritten: HAND_WRITTEN,
    componentDir: "webhooks",
    namePrefix: PREFIX,
    tolerant: true,
  });
  const top = banner(spec);
  const files = emitModels(ir, top, log);
  const types = [...dataRef.keys()];
  const idOf = (schema: string) => `${PREFIX}${pascal(schema)}`;
  files.set(
    "src/models/webhooks/index.ts",
    emitIndex(types, (t) => idOf(dataRef.get(t)!), [...files.keys()], top),
  );
  const sorted = new Map([...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  if (opts.format !== false)
    await Promise.all([...sorted].map(async ([p, t]) => sorted.set(p, await formatFile(p, t))));
  return { files: sorted, repairs: log.lines, eventTypes: types };
}

/**
 * index.ts: the event types and each one's data schema. The envelope, the
 * decoder and the types that do not depend on the document are hand-written in
 * src/webhooks/event-decoder.ts.
 */
function emitIndex(types: string[], dataId: (type: string) => string, modelFiles: string[], top: string): string {
  const ids = [...new Set(types.map(dataId))].sort();
  const lit = (s: string) => JSON.stringify(s);
  return `${top}
import { eventDecoder, type KnownEventOf, type UnknownWebhookEvent } from "../../webhooks/event-decoder.js";
${ids.map((id) => `import { ${id}$inbound, type ${id} } from "./${lowerFirst(id)}.js";`).join("\n")}

${modelFiles.map((p) => `export * from "./${p.split("/").pop()!.replace(/\.ts$/, ".js")}";`).join("\n")}
export type { UnknownWebhookEvent, WebhookEventAttributes, WebhookEventEnvelope } from "../../webhooks/event-decoder.js";

/** Every event type of the webhooks document, sorted. */
export const WEBHOOK_EVENT_TYPES = [${types.map(lit).join(", ")}] as const;

export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** The \`data\` of each known event type. */
export type WebhookEventDataMap = {
${types.map((t) => `  ${lit(t)}: ${dataId(t)};`).join("\n")}
};

/** An event whose type this version models, with typed \`data\`. */
export type KnownWebhookEvent = KnownEventOf<WebhookEventDataMap>;

/**
 * A verified event, discriminated on \`type\`: \`if (event.type === "user.created")\`
 * types \`event.data\`. An event of a type added after this version still arrives,
 * typed as this union (a variant with \`type: string\` would stop the narrowing):
 * its \`type\` is not in \`WEBHOOK_EVENT_TYPES\`, its \`data\` is exactly as sent.
 * \`isKnownWebhookEvent\` tells it apart; a \`switch\` on \`type\` leaves it to \`default\`.
 */
export type WebhookEvent = KnownWebhookEvent;

/** True when the event's type is one this version models; false for a type added later. */
export function isKnownWebhookEvent(event: WebhookEvent): boolean;
/** Narrows an event typed by your own code (\`type: string\`) to the modelled ones. */
export function isKnownWebhookEvent(event: UnknownWebhookEvent): event is KnownWebhookEvent;
export function isKnownWebhookEvent(event: { readonly type: string }): boolean {
  return (WEBHOOK_EVENT_TYPES as readonly string[]).includes(event.type);
}

/**
 * Decodes a verified webhook payload: the envelope, then \`data\` by \`type\`. An
 * unknown type is never an error: it decodes as UnknownWebhookEvent with raw data.
 */
export const webhookEvent$inbound = /* @__PURE__ */ eventDecoder<WebhookEventDataMap>({
${types.map((t) => `  ${lit(t)}: ${dataId(t)}$inbound,`).join("\n")}
});
`;
}
