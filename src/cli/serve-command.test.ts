import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { staleWebBuild } from "./serve-command.js";

const root = mkdtempSync(join(tmpdir(), "chokepoint-web-build-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function file(path: string, secondsAgo: number): void {
  const full = join(root, path);
  mkdirSync(join(full, ".."), { recursive: true });
  writeFileSync(full, "x");
  const at = Date.now() / 1000 - secondsAgo;
  utimesSync(full, at, at);
}

describe("serve: the dashboard build against its sources (user review: serve showed a stale dashboard with no word)", () => {
  it("says nothing when web/dist is newer than every source, and names the newer source otherwise", () => {
    file("web/src/views/run-form.tsx", 300);
    file("src/report/region-view.ts", 200);
    file("web/dist/index.html", 100);
    expect(staleWebBuild(root)).toBeUndefined();
    file("web/src/views/run-form.tsx", 10);
    expect(staleWebBuild(root)).toMatch(/built before .*web\/src\/views\/run-form\.tsx changed; .*npm run build:web/);
    // Tests do not count.
    file("web/src/views/run-form.tsx", 300);
    file("src/report/region-view.test.ts", 5);
    expect(staleWebBuild(root)).toBeUndefined();
  });
});
