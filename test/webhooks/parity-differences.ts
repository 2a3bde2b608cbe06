// The one allowlist of the webhook parity suite: every case where clerk-fn
// deliberately answers otherwise than svix 2.5.0 or @clerk/backend 3.25.0.
// Each difference is a row of docs/webhooks.md, "Differences from svix and
// @clerk/backend", which gives the reason; parity.test.ts checks that the rows
// and this file agree, and that each listed case really differs.

export type Reference = "svix" | "@clerk/backend";

/** Each deliberate difference by the first cell of its row in docs/webhooks.md. */
export const DIFFERENCES = {
  notAnEvent: "Signed JSON that is not a Clerk event",
  unbrandedHeaders: "Unbranded `webhook-*` headers",
  rawBytes: "The body is verified as the bytes received",
  recordWhitespace: "Whitespace around a header value in a plain record",
  secretWhitespace: "Whitespace around the signing secret",
  secretBase64: "A signing secret that is not valid base64",
} as const;

export type Difference = keyof typeof DIFFERENCES;

const clerk = (why: Difference) => ({ "@clerk/backend": why }) as const;

/** Case name (parity-cases.ts) → the reference we answer otherwise than → why. */
export const ALLOWED_DIFFERENCES: Readonly<Record<string, Partial<Record<Reference, Difference>>>> = {
  // svix's and Standard Webhooks' vectors sign JSON such as {"test": 2432232314}.
  "svix vector: canonical signature, whsec_ secret": clerk("notAnEvent"),
  "svix vector: canonical signature, bare base64 secret": clerk("notAnEvent"),
  "svix vector: canonical signature, 300 s later": clerk("notAnEvent"),
  "svix vector: Rust signature (secret with +)": clerk("notAnEvent"),
  "svix vector: multi-signature list with the valid one third": clerk("notAnEvent"),
  "Standard Webhooks spec: a v1a entry beside the valid v1": clerk("notAnEvent"),
  "body JSON {}": clerk("notAnEvent"),
  "body JSON []": clerk("notAnEvent"),
  "body JSON string": clerk("notAnEvent"),
  "body JSON event without data": clerk("notAnEvent"),
  "body JSON event with a numeric type": clerk("notAnEvent"),
  "body JSON event with null data": clerk("notAnEvent"),

  "unbranded webhook-* headers": clerk("unbrandedHeaders"),
  "svix-* and webhook-* mixed": clerk("unbrandedHeaders"),

  "event with a UTF-8 byte order mark, signed with it": clerk("rawBytes"),
  "event with a UTF-8 byte order mark, signed without it": clerk("rawBytes"),
  "not UTF-8, signed over its lossy decoding": { svix: "rawBytes", "@clerk/backend": "rawBytes" },

  "svix-id with surrounding spaces, signed over the trimmed id": { svix: "recordWhitespace" },
  "svix-id with surrounding spaces, signed over them": { svix: "recordWhitespace" },

  "secret with a trailing CRLF": { svix: "secretWhitespace", "@clerk/backend": "secretWhitespace" },
  "secret with a leading space": { svix: "secretWhitespace", "@clerk/backend": "secretWhitespace" },
  "secret with a stray character after its base64": { svix: "secretBase64", "@clerk/backend": "secretBase64" },
};
