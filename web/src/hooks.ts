/**
 * @module web/hooks
 * Small React hooks the views share: the hash route, async loads with cancellation, debounced values.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import { parseRoute, routeHash, type Route } from "./lib/route.js";

/** The current route and a way to go elsewhere. */
export function useRoute(): [Route, (route: Route) => void] {
  const [route, setRoute] = useState<Route>(() => parseRoute(location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(location.hash));
    addEventListener("hashchange", onChange);
    return () => removeEventListener("hashchange", onChange);
  }, []);
  const go = useCallback((next: Route) => {
    const hash = routeHash(next);
    if (location.hash !== hash) location.hash = hash;
    else setRoute(next);
  }, []);
  return [route, go];
}

/** State of an async load. */
export type Loaded<T> =
  | { readonly state: "loading" }
  | { readonly state: "done"; readonly value: T }
  | { readonly state: "failed"; readonly error: Error };

/** Load with `load` whenever `deps` change; stale answers are dropped. `reload` loads again. */
export function useLoad<T>(load: () => Promise<T>, deps: readonly unknown[]): [Loaded<T>, () => void] {
  const [result, setResult] = useState<Loaded<T>>({ state: "loading" });
  const [tick, setTick] = useState(0);
  const lastTick = useRef(tick);
  useEffect(() => {
    let live = true;
    // A reload keeps showing the last value until the new one arrives; new inputs start from "loading".
    const isReload = lastTick.current !== tick;
    lastTick.current = tick;
    if (!isReload) setResult({ state: "loading" });
    load().then(
      (value) => { if (live) setResult({ state: "done", value }); },
      (error: unknown) => { if (live) setResult({ state: "failed", error: error instanceof Error ? error : new Error(String(error)) }); },
    );
    return () => { live = false; };
  }, [...deps, tick]);
  return [result, useCallback(() => setTick((t) => t + 1), [])];
}

/** `value`, once it has stopped changing for `delayMs`. */
export function useDebounced<T>(value: T, delayMs: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return settled;
}
