/**
 * @module web/lib/route
 * The dashboard's places as hash routes (`#/runs/42`), parsed and written. Pure.
 */

/** Where the dashboard is. */
export type Route =
  | { readonly view: "scenarios"; readonly name: string | undefined }
  | { readonly view: "runs"; readonly id: string | undefined }
  | { readonly view: "compare"; readonly a: string | undefined; readonly b: string | undefined }
  | { readonly view: "what-if"; readonly name: string | undefined }
  | { readonly view: "world" };

/** Parse `location.hash`; anything unknown is the scenarios view. */
export function parseRoute(hash: string): Route {
  const [path = "", query = ""] = hash.replace(/^#\/?/, "").split("?");
  const [head = "", ...rest] = path.split("/").filter((s) => s !== "").map(decodeURIComponent);
  const params = new URLSearchParams(query);
  switch (head) {
    case "runs": return { view: "runs", id: rest[0] };
    case "compare": return { view: "compare", a: params.get("a") ?? undefined, b: params.get("b") ?? undefined };
    case "what-if": return { view: "what-if", name: rest[0] };
    case "world": return { view: "world" };
    default: return { view: "scenarios", name: head === "scenarios" ? rest[0] : undefined };
  }
}

/** The hash of a route. */
export function routeHash(route: Route): string {
  const part = (s: string | undefined) => (s === undefined ? "" : `/${encodeURIComponent(s)}`);
  switch (route.view) {
    case "scenarios": return `#/scenarios${part(route.name)}`;
    case "runs": return `#/runs${part(route.id)}`;
    case "what-if": return `#/what-if${part(route.name)}`;
    case "world": return "#/world";
    case "compare": {
      const q = new URLSearchParams();
      if (route.a !== undefined) q.set("a", route.a);
      if (route.b !== undefined) q.set("b", route.b);
      const s = q.toString();
      return `#/compare${s === "" ? "" : `?${s}`}`;
    }
  }
}
