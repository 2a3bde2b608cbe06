// A request's body as the handlers see it: JSON parsed, or (for the upload operations,
// multipart/form-data) a plain object whose file parts are described, not kept.
export interface RequestBody {
  /** The body text ("" when none); a multipart body is not kept as text. */
  readonly raw: string;
  /** The parsed body, or undefined when there is none or it does not parse. */
  readonly parsed: unknown;
}

const isMultipart = (request: Request): boolean =>
  /^multipart\/form-data\b/i.test(request.headers.get("content-type") ?? "");

export async function readRequestBody(request: Request): Promise<RequestBody> {
  if (!request.body) return { raw: "", parsed: undefined };
  if (isMultipart(request)) {
    try {
      const parsed: Record<string, unknown> = {};
      for (const [name, value] of await request.formData())
        parsed[name] =
          typeof value === "string" ? value : { file_name: value.name, type: value.type, size: value.size };
      return { raw: "multipart/form-data", parsed };
    } catch {
      return { raw: "multipart/form-data", parsed: undefined };
    }
  }
  const raw = await request.text();
  try {
    return { raw, parsed: raw === "" ? undefined : (JSON.parse(raw) as unknown) };
  } catch {
    return { raw, parsed: undefined };
  }
}
