import type { BodyEncoder, EncodedBody } from "./operation.js";

/** `application/json` body from the wire-shaped request body. */
export const jsonBody: BodyEncoder = (body) => ({ body: JSON.stringify(body), contentType: "application/json" });

type Part = Uint8Array | Blob | ReadableStream;

/**
 * `multipart/form-data` body. Field values may be Blob, File (its name is kept),
 * Uint8Array, ArrayBuffer, ReadableStream, arrays of those, strings, numbers,
 * booleans or objects (sent as JSON). Without streams this is a FormData (fetch
 * sets the boundary and length, and the body can be replayed for a retry);
 * with a ReadableStream the body is streamed as it is read, so it is sent once.
 */
export const multipartBody: BodyEncoder = (body) => {
  const fields = Object.entries((body ?? {}) as Record<string, unknown>).flatMap(([name, value]) =>
    (Array.isArray(value) ? value : [value])
      .filter((v) => v !== undefined && v !== null)
      .map((v) => [name, v] as const),
  );
  if (fields.some(([, v]) => v instanceof ReadableStream)) return streamedMultipart(fields);
  const form = new FormData();
  for (const [name, value] of fields) {
    if (value instanceof Blob) form.append(name, value);
    else if (value instanceof Uint8Array || value instanceof ArrayBuffer)
      form.append(name, new Blob([bytes(value)]), "blob");
    else form.append(name, text(value));
  }
  return { body: form };
};

function bytes(value: Uint8Array | ArrayBuffer): Uint8Array<ArrayBuffer> {
  return value instanceof ArrayBuffer ? new Uint8Array(value) : new Uint8Array(value);
}

function text(value: unknown): string {
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}

// Per the HTML form encoding rules: quotes and line breaks in names are escaped.
function quoted(name: string): string {
  return name.replace(/"/g, "%22").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

function streamedMultipart(fields: readonly (readonly [string, unknown])[]): EncodedBody {
  const boundary = `clerk-fn-${crypto.randomUUID()}`;
  const utf8 = new TextEncoder();
  const parts: Part[] = [];
  for (const [name, value] of fields) {
    const isFile =
      value instanceof Blob ||
      value instanceof ReadableStream ||
      value instanceof Uint8Array ||
      value instanceof ArrayBuffer;
    const filename = value instanceof File ? value.name : "blob";
    const type = value instanceof Blob && value.type ? value.type : "application/octet-stream";
    const head = isFile
      ? `--${boundary}\r\nContent-Disposition: form-data; name="${quoted(name)}"; filename="${quoted(filename)}"\r\nContent-Type: ${type}\r\n\r\n`
      : `--${boundary}\r\nContent-Disposition: form-data; name="${quoted(name)}"\r\n\r\n`;
    parts.push(utf8.encode(head));
    if (value instanceof Blob || value instanceof ReadableStream) parts.push(value);
    else if (value instanceof Uint8Array || value instanceof ArrayBuffer) parts.push(bytes(value));
    else parts.push(utf8.encode(text(value)));
    parts.push(utf8.encode("\r\n"));
  }
  parts.push(utf8.encode(`--${boundary}--\r\n`));
  return { body: concat(parts, utf8), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** One stream reading each part in turn, pulling lazily so large files are never buffered. */
function concat(parts: readonly Part[], utf8: TextEncoder): ReadableStream<Uint8Array> {
  let index = 0;
  let reader: ReadableStreamDefaultReader<unknown> | undefined;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      for (;;) {
        if (reader) {
          const chunk = await reader.read();
          if (!chunk.done) {
            const v = chunk.value;
            controller.enqueue(
              typeof v === "string" ? utf8.encode(v) : v instanceof Uint8Array ? v : new Uint8Array(v as ArrayBuffer),
            );
            return;
          }
          reader = undefined;
        }
        const part = parts[index++];
        if (part === undefined) return controller.close();
        if (part instanceof Uint8Array) return controller.enqueue(part);
        reader = (part instanceof Blob ? part.stream() : part).getReader();
      }
    },
    cancel(reason) {
      return reader?.cancel(reason);
    },
  });
}
