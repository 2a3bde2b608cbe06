import { format } from "prettier";

const OPTIONS = { printWidth: 120, trailingComma: "all", semi: true } as const;

/** Formats generated sources with prettier so output is stable and readable. */
export async function formatFile(path: string, text: string): Promise<string> {
  if (path.endsWith(".ts")) return format(text, { ...OPTIONS, parser: "typescript" });
  if (path.endsWith(".md")) return format(text, { ...OPTIONS, parser: "markdown", proseWrap: "preserve" });
  return text;
}
