import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { parse } from "yaml";

export interface LoadedSpec {
  /** File name shown in banners, e.g. "bapi-2026-05-12.yml". */
  readonly fileName: string;
  readonly sha256: string;
  readonly doc: Record<string, unknown>;
}

export interface SpecSource {
  readonly fileName: string;
  readonly envVar?: string;
  readonly localPath: string;
  readonly upstreamUrl: string;
  readonly sha256: string;
}

function sha256(text: string | Uint8Array): string {
  return createHash("sha256").update(text).digest("hex");
}

/** Parses a spec from text; the hash is of the exact bytes given. */
export function parseSpec(fileName: string, text: string): LoadedSpec {
  return { fileName, sha256: sha256(text), doc: parse(text, { maxAliasCount: -1 }) as Record<string, unknown> };
}

/**
 * Loads the document from the env var, else the local copy next to the repo,
 * else the pinned upstream URL. A pinned file whose hash differs is a hard error:
 * generated code must always say exactly which document it came from.
 */
export async function loadSpec(repoRoot: string, source: SpecSource): Promise<LoadedSpec> {
  const fromEnv = source.envVar ? process.env[source.envVar] : undefined;
  if (fromEnv) {
    // An explicit override may be a different version; report its hash, don't pin it.
    const text = await readFile(fromEnv, "utf8");
    const name = fromEnv.split(/[\\/]/).pop() ?? source.fileName;
    return parseSpec(name, text);
  }
  const local = resolve(repoRoot, source.localPath);
  let text: string;
  if (existsSync(local)) {
    text = await readFile(local, "utf8");
  } else {
    const res = await fetch(source.upstreamUrl);
    if (!res.ok) throw new Error(`could not download ${source.upstreamUrl}: HTTP ${res.status}`);
    text = await res.text();
  }
  const spec = parseSpec(source.fileName, text);
  if (spec.sha256 !== source.sha256) {
    throw new Error(`${source.fileName}: SHA-256 ${spec.sha256} does not match the pinned ${source.sha256}`);
  }
  return spec;
}
