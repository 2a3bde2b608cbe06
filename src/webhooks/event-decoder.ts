// The event envelope every webhook shares and the decoder that picks an event's
// `data` schema by its `type`. Generated src/models/webhooks/index.ts supplies
// only the list of event types and their data schemas.
import * as v from "valibot";
import { discriminated, inbound } from "../lib/schema.js";

/** Request facts Clerk attaches to some events. */
export type WebhookEventAttributes = {
  httpRequest?: { clientIp?: string; userAgent?: string };
};

/** Fields every event carries, whatever its type. */
export type WebhookEventEnvelope = {
  object: string;
  /** Unix time in milliseconds. */
  timestamp: number;
  instanceId: string;
  eventAttributes?: WebhookEventAttributes;
};

/** An event of one of the types in `DataMap`, with typed `data`. */
export type KnownEventOf<DataMap> = {
  [K in keyof DataMap & string]: WebhookEventEnvelope & { type: K; data: DataMap[K] };
}[keyof DataMap & string];

/**
 * What an event of a type this version does not know looks like: `data` as
 * sent. Such events arrive typed as WebhookEvent; read one through this type.
 */
export type UnknownWebhookEvent = WebhookEventEnvelope & { type: string; data: unknown };

/** The data schema of each event type, typed against its entry in `DataMap` so the two cannot drift. */
export type EventDataSchemas<DataMap> = { readonly [K in keyof DataMap]: v.GenericSchema<unknown, DataMap[K]> };

const WebhookHttpRequest$inbound = inbound<NonNullable<WebhookEventAttributes["httpRequest"]>>({
  clientIp: v.optional(v.string()),
  userAgent: v.optional(v.string()),
});

const WebhookEventAttributes$inbound = inbound<WebhookEventAttributes>({
  httpRequest: v.optional(WebhookHttpRequest$inbound),
});

/** The envelope around one event type's data. */
/* @__NO_SIDE_EFFECTS__ */
function envelope(data: v.GenericSchema): v.GenericSchema<unknown, UnknownWebhookEvent> {
  return inbound<UnknownWebhookEvent>({
    object: v.string(),
    type: v.string(),
    timestamp: v.number(),
    instanceId: v.string(),
    eventAttributes: v.optional(WebhookEventAttributes$inbound),
    data,
  });
}

/**
 * The decoder of a verified webhook payload: the envelope, then `data` by
 * `type`. An unknown type is never an error: it decodes with `data` exactly as
 * sent, typed as the known events so that `type` narrows (see WebhookEvent).
 */
/* @__NO_SIDE_EFFECTS__ */
export function eventDecoder<DataMap>(
  dataSchemas: EventDataSchemas<DataMap>,
): v.GenericSchema<unknown, KnownEventOf<DataMap>> {
  const byType: Record<string, v.GenericSchema<unknown, UnknownWebhookEvent>> = {};
  for (const type in dataSchemas) byType[type] = envelope(dataSchemas[type]);
  // Each envelope's `data` is the schema of its `type`: what KnownEventOf says, which the compiler cannot follow through the loop.
  return discriminated("type", byType, envelope(v.unknown())) as v.GenericSchema<unknown, KnownEventOf<DataMap>>;
}
