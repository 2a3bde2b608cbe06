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
    const params: Record<string, string> = {};
    route.paramNames.forEach((name, i) => (params[name] = decodeURIComponent(found[i + 1] ?? "")));
    best = { route, params };
  }
  return best;
}
