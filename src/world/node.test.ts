import { cpSync, mkdtempSync, rmSync, writeFileSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { worldDigest } from "./node.js";

const TINY = new URL("../../test/fixtures/worlds/tiny/", import.meta.url).pathname;
const scratch = mkdtempSync(join(tmpdir(), "chokepoint-digest-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("worldDigest", () => {
  it("is the same for the same data in another folder, and changes with one character of it", () => {
    const copy = join(scratch, "copy");
    cpSync(TINY, copy, { recursive: true });
    expect(worldDigest(copy)).toBe(worldDigest(TINY));
    const regions = join(copy, "regions.yaml");
    writeFileSync(regions, readFileSync(regions, "utf8").replace(/name: /, "name:  "));
    expect(worldDigest(copy)).not.toBe(worldDigest(TINY));
  });
});
