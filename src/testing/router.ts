// Finds the spec operation a request is for: method + path under /v1 -> operationId and
// path parameters. Templates come from the spec's paths (operations.ts).
import { SPEC_OPERATIONS } from "./operations.js";

export interface Route {
  readonly method: string;
  readonly template: string;
  readonly operationId: string;
  readonly pattern: RegExp;
  readonly paramNames: readonly string[];
}

export interface RouteMatch {
  readonly route: Route;
  readonly params: Readonly<Record<string, string>>;
}

function compile(line: string): Route {
  const [method = "", template = "", operationId = ""] = line.split(" ");
  const paramNames: string[] = [];
  const source = template.replace(/\{([^}]+)\}|[^{]+/g, (part, name: string | undefined) => {
    if (name === undefined) return part.replace(/[.*+?^$()|[\]\\]/g, "\\$&");
    paramNames.push(name);
    return "([^/]+)";
  });
  return { method, template, operationId, pattern: new RegExp(`^${source}$`), paramNames };
}

const ROUTES: readonly Route[] = SPEC_OPERATIONS.map(compile);

function decodeParams(names: readonly string[], found: RegExpExecArray): Record<string, string> | undefined {
  const params: Record<string, string> = {};
  try {
    names.forEach((name, i) => (params[name] = decodeURIComponent(found[i + 1] ?? "")));
  } catch {
    return undefined;
  }
  return params;
}

/**
 * @clerk/backend calls the machine-auth operations at the API root, without /v1
 * (`https://api.clerk.com/api_keys`); Clerk serves both forms.
 */
const UNVERSIONED = /^\/(api_keys|m2m_tokens|oauth_applications\/access_tokens)(\/|$)/;

/** The path under /v1 that a request URL's path addresses, or undefined when it addresses none. */
export function apiPath(pathname: string): string | undefined {
  if (pathname.startsWith("/v1/")) return pathname.slice(3);
  return UNVERSIONED.test(pathname) ? pathname : undefined;
}

/**
 * The operation for `method` and `path` (relative to /v1). When several templates match
 * (`/users/count` and `/users/{user_id}`), the one with fewer parameters wins, as a
 * literal segment is more specific than a placeholder.
 */
export function matchRoute(method: string, path: string): RouteMatch | undefined {
  let best: RouteMatch | undefined;
  for (const route of ROUTES) {
    if (route.method !== method) continue;
    const found = route.pattern.exec(path);
    if (!found) continue;
    if (best && best.route.paramNames.length <= route.paramNames.length) continue;
    const params = decodeParams(route.paramNames, found);
    // A malformed percent escape names no record: that template does not match.
    if (!params) continue;
    best = { route, params };
  }
  return best;
}
