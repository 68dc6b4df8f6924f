/** Hash routes: `#/page/argument?name=value`. The key never appears in one. */

export interface Route {
  page: string;
  argument: string | null;
  query: URLSearchParams;
}

/** A page draws itself into the main element and returns what to do when it is left (stop polling). */
export type Page = (main: HTMLElement, route: Route) => (() => void) | void;

export function parseRoute(hash: string): Route {
  const text = hash.replace(/^#\/?/, "");
  const [path, search = ""] = text.split("?", 2);
  const [page = "journeys", ...rest] = path.split("/");
  return { page: page || "journeys", argument: rest.length > 0 ? decodeURIComponent(rest.join("/")) : null, query: new URLSearchParams(search) };
}

export function href(page: string, argument?: string | null, query?: Record<string, string | number | null | undefined>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query ?? {})) {
    if (value !== null && value !== undefined && value !== "") params.set(name, String(value));
  }
  const search = params.toString();
  return `#/${page}${argument ? `/${encodeURIComponent(argument)}` : ""}${search ? `?${search}` : ""}`;
}

/** Changes the query of the current page without drawing it again. */
export function replaceQuery(route: Route, query: Record<string, string | number | null | undefined>): void {
  history.replaceState(null, "", href(route.page, route.argument, query));
}
