import * as v from "valibot";

/** What a multipart file field accepts. */
export type Binary = Blob | Uint8Array | ArrayBuffer | ReadableStream<Uint8Array>;

/**
 * Schema for a `format: binary` field: a Blob or File, a Uint8Array (Node's
 * Buffer included), an ArrayBuffer or a ReadableStream. `multipartBody` sends
 * each of them byte for byte.
 */
/* @__NO_SIDE_EFFECTS__ */
export function binary(): v.GenericSchema<Binary> {
  return v.custom<Binary>(
    (value) =>
      value instanceof Blob ||
      value instanceof Uint8Array ||
      value instanceof ArrayBuffer ||
      value instanceof ReadableStream,
    "Expected a Blob, File, Uint8Array, ArrayBuffer or ReadableStream",
  );
}
