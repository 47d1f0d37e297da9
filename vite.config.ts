/**
 * Vite config of the dashboard (`web/`): React, builds to `web/dist`, and in dev proxies `/api`
 * to a running `chokepoint serve` (CHOKEPOINT_API, default http://127.0.0.1:8620).
 */
import react from "@vitejs/plugin-react";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

const webRoot = fileURLToPath(new URL("./web", import.meta.url));

export default defineConfig({
  root: webRoot,
  base: "./",
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL("./web/dist", import.meta.url)),
    emptyOutDir: true,
    sourcemap: false,
    target: "es2022",
    // ECharts (core + line, bar, sankey, SVG renderer) is ~600 kB minified, 205 kB gzipped. It sits in its
    // own chunk, loaded only with the chart views; the entry chunk (React + the scenarios view) stays ~240 kB.
    chunkSizeWarningLimit: 650,
    rolldownOptions: {
      output: { codeSplitting: { groups: [{ name: "echarts", test: /node_modules[\\/](echarts|zrender)[\\/]/ }] } },
    },
  },
  worker: { format: "es" },
  server: {
    host: "127.0.0.1",
    proxy: { "/api": { target: process.env.CHOKEPOINT_API ?? "http://127.0.0.1:8620", changeOrigin: true } },
    // The worker bundles the isomorphic library from ../src.
    fs: { allow: [fileURLToPath(new URL(".", import.meta.url))] },
  },
});
