// The deliveries the webhook parity suite (parity.test.ts) sends to svix,
// @clerk/backend and clerk-fn alike. Four sources:
//   - the signature vectors published with svix and Standard Webhooks, read at
//     test time from /work/shared/clerk-fixtures/webhooks/signature-vectors.json;
//   - the behaviours their unit tests check, written here as our own cases;
//   - the Clerk vectors of the same file;
//   - inputs an attacker or a careless proxy would send.
// Signatures are made here with WebCrypto, independently of the libraries under test.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** One header line as sent; a name may appear on several lines. */
export type HeaderLine = readonly [name: string, value: string];

export interface ParityCase {
  readonly name: string;
  /** The receiver's clock, Unix milliseconds. */
  readonly now: number;
  /** The receiver's signing secret. */
  readonly secret: string;
  readonly headers: readonly HeaderLine[];
  readonly body: string | Uint8Array<ArrayBuffer>;
  /**
   * Only a Node-style header record can carry these header lines (Fetch trims
   * values and refuses some characters), so the case runs against svix only.
   */
  readonly recordOnly?: true;
}

const FIXTURES =
  process.env["CLERK_FIXTURES"] ?? fileURLToPath(new URL("../../../shared/clerk-fixtures", import.meta.url));

interface Vector {
  readonly name: string;
  readonly secret: string;
  readonly "svix-id": string;
  readonly "svix-timestamp"?: string;
  readonly body: string;
  readonly body_length?: number;
  readonly expected_signature?: string;
  readonly signature_header?: string;
  readonly signature?: string;
}

interface VectorFile {
  readonly found: readonly Vector[];
  readonly derived: readonly Vector[];
  readonly invalid_signature_header_values_used_in_tests: Readonly<Record<string, string>>;
  readonly multi_signature_example: { readonly header: string };
  readonly spec_header_format_example: { readonly "webhook-signature": string };
}

const vectors = JSON.parse(readFileSync(`${FIXTURES}/webhooks/signature-vectors.json`, "utf8")) as VectorFile;

/** The vector's body: the file writes the large ones as "<'a' repeated N times>". */
function vectorBody(vector: Vector): string {
  return vector.body_length === undefined ? vector.body : "a".repeat(vector.body_length);
}

function vector(name: string): Vector {
  const found = [...vectors.found, ...vectors.derived].find((v) => v.name === name);
  if (!found) throw new Error(`no signature vector named ${JSON.stringify(name)}`);
  return found;
}

const utf8 = new TextEncoder();

function bytesOf(body: string | Uint8Array): Uint8Array {
  return typeof body === "string" ? utf8.encode(body) : body;
}

/** `v1,<base64 HMAC-SHA256>` of `${id}.${timestamp}.` and the body bytes, keyed by the secret's base64. */
async function v1Signature(secret: string, id: string, timestamp: string, body: string | Uint8Array): Promise<string> {
  const key = Uint8Array.from(atob(secret.replace(/^whsec_/, "")), (c) => c.charCodeAt(0));
  const prefix = utf8.encode(`${id}.${timestamp}.`);
  const bytes = bytesOf(body);
  const content = new Uint8Array(prefix.length + bytes.length);
  content.set(prefix);
  content.set(bytes, prefix.length);
  const hmacKey = await crypto.subtle.importKey("raw", key, { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  const mac = new Uint8Array(await crypto.subtle.sign("HMAC", hmacKey, content));
  return `v1,${btoa(String.fromCharCode(...mac))}`;
}

/** The svix vector secret, also the default secret of svix's and Standard Webhooks' verify tests. */
const SECRET = vector("svix canonical sign vector").secret;
/** Another endpoint's secret. */
const OTHER_SECRET = vector("svix-rs sign vector").secret;

/** The receiver's clock in most cases, a Unix second plus 400 ms (whole seconds are compared). */
const NOW_SECONDS = 1_780_000_000;
const NOW = NOW_SECONDS * 1000 + 400;

const EVENT = JSON.stringify({
  data: { object: "user", id: "user_29w83sxmDNGwOuEthce5gg56FcC", deleted: true },
  instance_id: "ins_123",
  object: "event",
  timestamp: NOW_SECONDS * 1000,
  type: "user.deleted",
});

interface Draft {
  /** The receiver's clock, Unix milliseconds. Default NOW. */
  readonly now?: number;
  /** The receiver's secret. Default SECRET. */
  readonly secret?: string;
  /** The secret the sender signs with. Default: the receiver's secret. */
  readonly signedWith?: string;
  readonly id?: string;
  /** The id the signature covers. Default: the id sent. */
  readonly signedId?: string;
  /** The svix-timestamp header text. Default: the clock's whole seconds. */
  readonly timestamp?: string;
  /** The timestamp text the signature covers. Default: the header text. */
  readonly signedTimestamp?: string;
  readonly body?: string | Uint8Array<ArrayBuffer>;
  /** The body the signature covers. Default: the body sent. */
  readonly signedBody?: string | Uint8Array;
  /** The svix-signature value, from the genuine `v1,…` signature. Default: the genuine signature. */
  readonly signature?: (genuine: string) => string;
  /** The header lines, from the three values. Default: svix-id, svix-timestamp, svix-signature. */
  readonly headers?: (values: { id: string; timestamp: string; signature: string }) => HeaderLine[];
  readonly recordOnly?: true;
}

async function delivery(name: string, draft: Draft = {}): Promise<ParityCase> {
  const now = draft.now ?? NOW;
  const secret = draft.secret ?? SECRET;
  const id = draft.id ?? "msg_2abcDEFparity";
  const timestamp = draft.timestamp ?? String(Math.floor(now / 1000));
  const body = draft.body ?? EVENT;
  const genuine = await v1Signature(
    draft.signedWith ?? secret,
    draft.signedId ?? id,
    draft.signedTimestamp ?? timestamp,
    draft.signedBody ?? body,
  );
  const values = { id, timestamp, signature: draft.signature ? draft.signature(genuine) : genuine };
  const headers = draft.headers ? draft.headers(values) : svixHeaders(values.id, values.timestamp, values.signature);
  return { name, now, secret, headers, body, ...(draft.recordOnly ? { recordOnly: true } : {}) };
}

function svixHeaders(id: string, timestamp: string, signature: string): HeaderLine[] {
  return [
    ["svix-id", id],
    ["svix-timestamp", timestamp],
    ["svix-signature", signature],
  ];
}

function unbranded(id: string, timestamp: string, signature: string): HeaderLine[] {
  return [
    ["webhook-id", id],
    ["webhook-timestamp", timestamp],
    ["webhook-signature", signature],
  ];
}

/** A published vector as a delivery at its own timestamp, optionally changed. */
function fromVector(name: string, v: Vector, draft: Draft = {}): Promise<ParityCase> {
  const timestamp = v["svix-timestamp"] ?? String(NOW_SECONDS);
  const signature = v.expected_signature ?? v.signature ?? v.signature_header!;
  return delivery(name, {
    now: Number(timestamp) * 1000,
    secret: v.secret,
    id: v["svix-id"],
    timestamp,
    body: vectorBody(v),
    signature: () => signature,
    ...draft,
  });
}

const SECONDS = String(NOW_SECONDS);
const lossy = new TextDecoder().decode(new Uint8Array([0xff]));

export async function parityCases(): Promise<ParityCase[]> {
  const canonical = vector("svix canonical sign vector");
  const svixRs = vector("svix-rs sign vector");
  const bare = canonical.secret.slice("whsec_".length);
  const cases: Promise<ParityCase>[] = [
    // The published vectors, each at its own timestamp.
    fromVector("svix vector: canonical signature, whsec_ secret", canonical),
    fromVector("svix vector: canonical signature, bare base64 secret", canonical, { secret: bare }),
    fromVector("svix vector: canonical signature, 300 s later", canonical, {
      now: (Number(canonical["svix-timestamp"]) + 300) * 1000 + 999,
    }),
    fromVector("svix vector: canonical signature, 301 s later", canonical, {
      now: (Number(canonical["svix-timestamp"]) + 301) * 1000,
    }),
    fromVector("svix vector: canonical signature, 301 s earlier", canonical, {
      now: (Number(canonical["svix-timestamp"]) - 301) * 1000,
    }),
    fromVector("svix vector: canonical signature, one byte of the body changed", canonical, {
      body: canonical.body.replace("2432232314", "2432232315"),
    }),
    fromVector("svix vector: Rust signature (secret with +)", svixRs),
    fromVector("svix vector: Rust signature as unbranded webhook-* headers", svixRs, {
      headers: (h) => unbranded(h.id, h.timestamp, h.signature),
    }),
    fromVector("svix vector: Rust non-matching signature", vector("svix-rs non-matching signature")),
    ...vectors.found.filter((v) => v.body_length !== undefined).map((v) => fromVector(`svix vector: ${v.name}`, v)),
    ...Object.keys(vectors.invalid_signature_header_values_used_in_tests)
      .filter((value) => value.startsWith("v"))
      .map((value) =>
        fromVector(`svix vector: canonical delivery with signature ${value}`, canonical, { signature: () => value }),
      ),
    fromVector("svix vector: canonical delivery with its signature cut to 8 characters", canonical, {
      signature: (genuine) => genuine.slice(0, 8),
    }),
    fromVector("svix vector: multi-signature list with the valid one third", canonical, {
      signature: (genuine) => vectors.multi_signature_example.header.replace("<valid v1 sig>", genuine),
    }),
    fromVector("svix vector: multi-signature list without the valid one", canonical, {
      signature: () => vectors.multi_signature_example.header.replace(" <valid v1 sig>", ""),
    }),
    fromVector("Standard Webhooks spec: a v1a entry beside the valid v1", canonical, {
      signature: (genuine) => `${genuine} ${vectors.spec_header_format_example["webhook-signature"].split(" ")[1]}`,
    }),
    fromVector("Standard Webhooks spec: the spec's example header alone", canonical, {
      signature: () => vectors.spec_header_format_example["webhook-signature"],
    }),
    fromVector(
      "Clerk vector: minimal event",
      vector("clerk JS test secret, minimal body (fixed timestamp chosen here)"),
    ),
    fromVector(
      "Clerk vector: user.created example",
      vector("clerk JS test secret, full user.created example body (minified)"),
    ),
    fromVector(
      "Clerk vector: user.created example with a trailing space",
      vector("same body, one byte changed (trailing space)"),
    ),

    // What svix's and Standard Webhooks' verify tests check, at our clock.
    delivery("a genuine delivery"),
    delivery("svix-id missing", {
      headers: (h) => svixHeaders(h.id, h.timestamp, h.signature).filter(([n]) => n !== "svix-id"),
    }),
    delivery("svix-timestamp missing", {
      headers: (h) => svixHeaders(h.id, h.timestamp, h.signature).filter(([n]) => n !== "svix-timestamp"),
    }),
    delivery("svix-signature missing", {
      headers: (h) => svixHeaders(h.id, h.timestamp, h.signature).filter(([n]) => n !== "svix-signature"),
    }),
    delivery("no headers at all", { headers: () => [] }),
    delivery("timestamp 'hello'", { timestamp: "hello" }),
    delivery("timestamp 301 s old", { timestamp: String(NOW_SECONDS - 301) }),
    delivery("timestamp 301 s ahead", { timestamp: String(NOW_SECONDS + 301) }),
    delivery("signature 'v1,' with nothing after the comma", { signature: () => "v1," }),
    delivery("unbranded webhook-* headers", { headers: (h) => unbranded(h.id, h.timestamp, h.signature) }),

    // Timestamps: the tolerance edges, then every way of writing a number.
    delivery("timestamp exactly 300 s old", { timestamp: String(NOW_SECONDS - 300) }),
    delivery("timestamp exactly 300 s ahead", { timestamp: String(NOW_SECONDS + 300) }),
    delivery("timestamp 300 s old, clock 0.999 s into its second", {
      now: NOW_SECONDS * 1000 + 999,
      timestamp: String(NOW_SECONDS - 300),
    }),
    delivery("timestamp 300 s ahead, clock at the start of its second", {
      now: NOW_SECONDS * 1000,
      timestamp: String(NOW_SECONDS + 300),
    }),
    delivery("fractional timestamp, signed over its integer part", {
      timestamp: `${SECONDS}.5`,
      signedTimestamp: SECONDS,
    }),
    delivery("fractional timestamp, signed over the header as sent", { timestamp: `${SECONDS}.5` }),
    delivery("fractional timestamp .999, signed over its integer part", {
      timestamp: `${SECONDS}.999`,
      signedTimestamp: SECONDS,
    }),
    delivery("timestamp with leading zeros, signed over the integer", {
      timestamp: `00${SECONDS}`,
      signedTimestamp: SECONDS,
    }),
    delivery("timestamp with leading zeros, signed over the header as sent", { timestamp: `00${SECONDS}` }),
    delivery("timestamp with a plus sign, signed over the integer", {
      timestamp: `+${SECONDS}`,
      signedTimestamp: SECONDS,
    }),
    delivery("timestamp with a plus sign, signed over the header as sent", { timestamp: `+${SECONDS}` }),
    delivery("timestamp with trailing letters, signed over the integer part", {
      timestamp: `${SECONDS}abc`,
      signedTimestamp: SECONDS,
    }),
    delivery("timestamp with trailing letters, signed over the header as sent", { timestamp: `${SECONDS}abc` }),
    delivery("timestamp header sent twice, signed over the integer", {
      signedTimestamp: SECONDS,
      headers: (h) => [...svixHeaders(h.id, h.timestamp, h.signature), ["svix-timestamp", h.timestamp]],
    }),
    delivery("negative timestamp", { timestamp: `-${SECONDS}` }),
    delivery("timestamp -0", { timestamp: "-0" }),
    delivery("huge timestamp (30 digits)", { timestamp: "9".repeat(30) }),
    delivery("timestamp beyond 2^53", { timestamp: "9007199254740993" }),
    delivery("timestamp in exponent form (1.78e9)", { timestamp: "1.78e9", signedTimestamp: "1" }),
    delivery("timestamp as a power of ten (178e7)", { timestamp: "178e7", signedTimestamp: "178" }),
    delivery("timestamp in hex", { timestamp: `0x${NOW_SECONDS.toString(16)}`, signedTimestamp: "0" }),
    delivery("timestamp in milliseconds", { timestamp: String(NOW_SECONDS * 1000) }),
    delivery("timestamp as an ISO date", { timestamp: new Date(NOW).toISOString(), signedTimestamp: "2026" }),
    delivery("timestamp in Arabic-Indic digits", { timestamp: "١٧٨٠٠٠٠٠٠٠", recordOnly: true }),
    delivery("timestamp of spaces only", { timestamp: "   " }),
    delivery("timestamp with surrounding spaces", { timestamp: ` ${SECONDS} `, signedTimestamp: SECONDS }),

    // The signature header.
    delivery("the valid signature among other secrets' signatures", {
      signature: (genuine) => `v1,${"A".repeat(43)}= ${genuine} v1,${"B".repeat(43)}=`,
    }),
    delivery("the valid signature after 1,000 bogus entries", {
      signature: (genuine) => `${`v1,${"C".repeat(43)}= `.repeat(1000)}${genuine}`,
    }),
    delivery("two spaces between signatures", { signature: (genuine) => `v1,${"A".repeat(43)}=  ${genuine}` }),
    delivery("a tab between signatures", { signature: (genuine) => `v1,${"A".repeat(43)}=\t${genuine}` }),
    delivery("a tab after the valid signature", { signature: (genuine) => `${genuine}\tv1,${"A".repeat(43)}=` }),
    delivery("the valid signature followed by another comma field", { signature: (genuine) => `${genuine},extra` }),
    delivery("the valid signature without its base64 padding", { signature: (genuine) => genuine.replace(/=+$/, "") }),
    delivery("the valid signature with extra base64 padding", { signature: (genuine) => `${genuine}=` }),
    delivery("the valid signature in the URL-safe alphabet", {
      // This id gives a MAC with both + and /, so the URL-safe spelling really differs.
      id: urlSafeId,
      signature: (genuine) => genuine.replace(/\+/g, "-").replace(/\//g, "_"),
    }),
    delivery("the valid MAC labelled V1", { signature: (genuine) => genuine.replace("v1,", "V1,") }),
    delivery("the valid MAC labelled v1a", { signature: (genuine) => genuine.replace("v1,", "v1a,") }),
    delivery("the valid MAC labelled v2", { signature: (genuine) => genuine.replace("v1,", "v2,") }),
    delivery("the valid MAC with no version", { signature: (genuine) => genuine.slice(3) }),
    delivery("the valid MAC with a space before the comma", { signature: (genuine) => genuine.replace("v1,", "v1 ,") }),
    delivery("the valid MAC as hex", {
      signature: (genuine) =>
        `v1,${[...atob(genuine.slice(3))].map((c) => c.charCodeAt(0).toString(16).padStart(2, "0")).join("")}`,
    }),
    delivery("signature header sent twice, the valid one second", {
      headers: (h) => [...svixHeaders(h.id, h.timestamp, `v1,${"A".repeat(43)}=`), ["svix-signature", h.signature]],
    }),
    delivery("signature header sent twice, the valid one first", {
      headers: (h) => [...svixHeaders(h.id, h.timestamp, h.signature), ["svix-signature", `v1,${"A".repeat(43)}=`]],
    }),
    delivery("the valid MAC labelled v1 twice", { signature: (genuine) => `v1,${genuine}` }),
    delivery("signed with another secret", { signedWith: OTHER_SECRET }),
    delivery("signed for another id", { signedId: "msg_other" }),
    delivery("signed for another second", { signedTimestamp: String(NOW_SECONDS - 1) }),
    delivery("signed over another body", { signedBody: EVENT.replace("user.deleted", "user.created") }),

    // The other headers.
    delivery("header names in mixed case", {
      headers: (h) => [
        ["Svix-Id", h.id],
        ["SVIX-TIMESTAMP", h.timestamp],
        ["sViX-sIgNaTuRe", h.signature],
      ],
    }),
    delivery("svix-* and webhook-* mixed", {
      headers: (h) => [
        ["svix-id", h.id],
        ["webhook-timestamp", h.timestamp],
        ["svix-signature", h.signature],
      ],
    }),
    delivery("both sets, the svix-* set signed", {
      headers: (h) => [
        ...svixHeaders(h.id, h.timestamp, h.signature),
        ...unbranded("msg_unbranded", h.timestamp, "v1,x"),
      ],
    }),
    delivery("both sets, only the webhook-* set signed", {
      headers: (h) => [
        ...svixHeaders("msg_branded", h.timestamp, "v1,x"),
        ...unbranded(h.id, h.timestamp, h.signature),
      ],
    }),
    delivery("a blank svix-id beside a signed webhook-id", {
      headers: (h) => [["svix-id", ""], ["webhook-id", h.id], ...svixHeaders(h.id, h.timestamp, h.signature).slice(1)],
    }),
    delivery("svix-id sent twice with the same value", {
      headers: (h) => [...svixHeaders(h.id, h.timestamp, h.signature), ["svix-id", h.id]],
    }),
    delivery("svix-id with surrounding spaces, signed over the trimmed id", {
      headers: (h) => svixHeaders(` ${h.id} `, h.timestamp, h.signature),
    }),
    delivery("svix-id with surrounding spaces, signed over them", {
      id: " msg_2abcDEFparity ",
      recordOnly: true,
    }),
    delivery("svix-id with non-ASCII characters", { id: "msg_é漢🙂", recordOnly: true }),
    delivery("svix-id with a comma and spaces inside", { id: "msg_a, b c" }),
    delivery("signature with surrounding spaces", {
      headers: (h) => svixHeaders(h.id, h.timestamp, `  ${h.signature}  `),
    }),
    delivery("signature after a line break", {
      signature: (genuine) => `v1,${"A".repeat(43)}=\n${genuine}`,
      recordOnly: true,
    }),

    // The secret.
    delivery("empty secret", { secret: "", signedWith: SECRET }),
    delivery("secret 'whsec_' alone", { secret: "whsec_", signedWith: SECRET }),
    delivery("secret of spaces only", { secret: "    ", signedWith: SECRET }),
    delivery("secret with the prefix twice", { secret: `whsec_${SECRET}`, signedWith: SECRET }),
    delivery("secret that is not base64", { secret: "whsec_not base64!", signedWith: SECRET }),
    delivery("secret in the URL-safe base64 alphabet", {
      secret: OTHER_SECRET.replace("+", "-"),
      signedWith: OTHER_SECRET,
    }),
    delivery("secret without its base64 padding", {
      secret: "whsec_dGVzdF9rZXlfMTY",
      signedWith: "whsec_dGVzdF9rZXlfMTY=",
    }),
    delivery("secret with a trailing newline", { secret: `${SECRET}\n`, signedWith: SECRET }),
    delivery("secret with a trailing CRLF", { secret: `${SECRET}\r\n`, signedWith: SECRET }),
    delivery("secret with a leading space", { secret: ` ${SECRET}`, signedWith: SECRET }),
    delivery("secret with a stray character after its base64", { secret: `${SECRET}A`, signedWith: SECRET }),

    // The body.
    delivery("empty body", { body: "" }),
    delivery("body that is not JSON", { body: "not json" }),
    delivery("body JSON null", { body: "null" }),
    delivery("body JSON {}", { body: "{}" }),
    delivery("body JSON []", { body: "[]" }),
    delivery("body JSON string", { body: '"user.created"' }),
    delivery("body JSON event without data", { body: JSON.stringify({ object: "event", type: "user.created" }) }),
    delivery("body JSON event with a numeric type", { body: JSON.stringify({ type: 7, data: {} }) }),
    delivery("body JSON event with null data", {
      body: JSON.stringify({ object: "event", type: "user.created", data: null }),
    }),
    delivery("body JSON event of an unknown type", { body: EVENT.replace("user.deleted", "user.teleported") }),
    delivery("event with unicode text", { body: EVENT.replace("user_29w83", "user_é漢🙂") }),
    delivery("event with a trailing newline", { body: `${EVENT}\n` }),
    delivery("event with CRLF line breaks", {
      body: JSON.stringify(JSON.parse(EVENT), null, 2).replace(/\n/g, "\r\n"),
    }),
    delivery("event as bytes", { body: utf8.encode(EVENT) }),
    delivery("event with a UTF-8 byte order mark, signed with it", {
      body: new Uint8Array([0xef, 0xbb, 0xbf, ...utf8.encode(EVENT)]),
    }),
    delivery("event with a UTF-8 byte order mark, signed without it", {
      body: new Uint8Array([0xef, 0xbb, 0xbf, ...utf8.encode(EVENT)]),
      signedBody: EVENT,
    }),
    delivery("not UTF-8, signed over the bytes", { body: withByte(EVENT, 0xff) }),
    delivery("not UTF-8, signed over its lossy decoding", {
      body: withByte(EVENT, 0xff),
      signedBody: EVENT.replace("user_29w83", `user_${lossy}29w83`),
    }),
    delivery("lone surrogate in a text body", { body: EVENT.replace("user_29w83", "user_\ud83d29w83") }),
  ];
  return Promise.all(cases);
}

/** The event's bytes with one byte put before the user id. */
function withByte(text: string, byte: number): Uint8Array<ArrayBuffer> {
  const [head, tail] = text.split("user_29w83");
  return new Uint8Array([...utf8.encode(`${head}user_`), byte, ...utf8.encode(`29w83${tail}`)]);
}

/** An id whose genuine MAC (SECRET, NOW, EVENT) contains both + and /. */
const urlSafeId = await (async () => {
  for (let n = 0; ; n++) {
    const signature = await v1Signature(SECRET, `msg_${n}`, SECONDS, EVENT);
    if (signature.includes("+") && signature.includes("/")) return `msg_${n}`;
  }
})();
