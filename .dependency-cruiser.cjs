/** Import boundaries from STYLE.md §2: dependencies point downward, the isomorphic core never touches Node. */
const isomorphic = "^src/(model|world|policy|scenario|engine|analysis)/";
const nodeEntry = "(^src/world/node\\.ts$|^src/scenario/node\\.ts$|\\.test\\.ts$|/fixtures/)";

module.exports = {
  forbidden: [
    { name: "no-circular", severity: "error", comment: "circular imports make parts impossible to reason about alone", from: {}, to: { circular: true } },
    {
      name: "isomorphic-core-no-node", severity: "error",
      comment: "model, world, policy, scenario, engine and analysis run in browsers and workers: no node: imports (except node.ts entries and tests)",
      from: { path: isomorphic, pathNot: nodeEntry }, to: { dependencyTypes: ["core"] },
    },
    {
      name: "engine-imports-only-model", severity: "error",
      comment: "the engine imports only model types and its own files",
      from: { path: "^src/engine/", pathNot: "\\.test\\.ts$|/fixtures/" }, to: { path: "^src/(?!engine/|model/)" },
    },
    { name: "model-is-the-bottom", severity: "error", from: { path: "^src/model/" }, to: { path: "^src/(?!model/)" } },
    { name: "world-policy-above-model-only", severity: "error", from: { path: "^src/(world|policy)/", pathNot: "\\.test\\.ts$" }, to: { path: "^src/(scenario|engine|analysis|report|store|server|cli)/" } },
    { name: "scenario-below-engine", severity: "error", from: { path: "^src/scenario/", pathNot: "\\.test\\.ts$" }, to: { path: "^src/(engine|analysis|report|store|server|cli)/" } },
    { name: "analysis-below-views", severity: "error", from: { path: "^src/analysis/", pathNot: "\\.test\\.ts$" }, to: { path: "^src/(report|store|server|cli)/" } },
    { name: "report-store-below-entrypoints", severity: "error", from: { path: "^src/(report|store)/", pathNot: "\\.test\\.ts$" }, to: { path: "^src/(server|cli)/" } },
    { name: "web-not-node-parts", severity: "error", from: { path: "^web/" }, to: { path: "^src/(store|cli|server)/" } },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { extensions: [".ts", ".js"] },
  },
};
