/**
 * @module web/app
 * The dashboard's shell: top bar with the five views (scenarios, results, compare, what-if, the
 * world the model starts from) and the dataset the server runs on. Views load lazily, so the first
 * paint does not wait for ECharts.
 */
import { lazy, Suspense } from "react";
import { api } from "./api/client.js";
import { useLoad, useRoute } from "./hooks.js";
import { routeHash, type Route } from "./lib/route.js";
import { ScenariosView } from "./views/scenarios-view.js";

const RunsView = lazy(() => import("./views/runs-view.js").then((m) => ({ default: m.RunsView })));
const CompareView = lazy(() => import("./views/compare-view.js").then((m) => ({ default: m.CompareView })));
const WhatIfView = lazy(() => import("./views/what-if-view.js").then((m) => ({ default: m.WhatIfView })));
const WorldView = lazy(() => import("./views/world/world-view.js").then((m) => ({ default: m.WorldView })));

const TABS: readonly { view: Route["view"]; label: string; route: Route }[] = [
  { view: "scenarios", label: "Scenarios", route: { view: "scenarios", name: undefined } },
  { view: "runs", label: "Results", route: { view: "runs", id: undefined } },
  { view: "compare", label: "Compare", route: { view: "compare", a: undefined, b: undefined } },
  { view: "what-if", label: "What-if", route: { view: "what-if", name: undefined } },
  { view: "world", label: "World", route: { view: "world" } },
];

/** The dashboard. */
export function App() {
  const [route, go] = useRoute();
  const [world] = useLoad(() => api.getWorld(), []);
  return (
    <>
      <header className="topbar">
        <div className="brand"><strong>Chokepoint</strong><span>rare-earth supply chain twin</span></div>
        <nav className="nav" aria-label="Views">
          {TABS.map((t) => (
            <a key={t.view} href={routeHash(t.route)} aria-current={route.view === t.view ? "page" : undefined}>{t.label}</a>
          ))}
        </nav>
        <div className="dataset">
          {world.state === "done" ? `${world.value.dataset.name} · v${world.value.dataset.version} · calibrated to ${world.value.dataset.calibrationYear}`
            : world.state === "failed" ? "server not reachable" : ""}
        </div>
      </header>
      <main>
        <Suspense fallback={<div className="empty">Loading…</div>}>
          {route.view === "scenarios" && <ScenariosView name={route.name} go={go} />}
          {route.view === "runs" && <RunsView id={route.id} go={go} />}
          {route.view === "compare" && <CompareView a={route.a} b={route.b} go={go} />}
          {route.view === "what-if" && <WhatIfView name={route.name} go={go} />}
          {route.view === "world" && <WorldView />}
        </Suspense>
      </main>
    </>
  );
}
