import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { request, startTestServer, type TestServer } from "./fixtures/test-server.js";
import { openApiDocument } from "./openapi.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.dispose();
});

describe("GET /api/world/facts", () => {
  it("answers the facts with the sources their reference points cite, and only those", async () => {
    const { status, body } = await request(server.url, "/api/world/facts");
    expect(status).toBe(200);
    expect(body.references).toEqual([expect.objectContaining({ reference: expect.objectContaining({ id: "ref:cn-mine-share", source: "fixture" }), isDeparture: expect.any(Boolean) })]);
    // The tiny world lists two sources; its one reference cites the first.
    expect(body.sources).toEqual([{ id: "fixture", publisher: "Chokepoint tests", title: "Invented figures for tests", year: 2026, document: "test fixture" }]);
    expect(body.facts.find((f: { stage: string; group: string }) => f.stage === "mine" && f.group === "all")).toMatchObject({ unit: "t REO", topRegion: expect.any(String) });
  });
});

describe("OpenAPI document", () => {
  const schemas = (openApiDocument("test").components as { schemas: Record<string, { required?: string[]; properties?: Record<string, unknown> }> }).schemas;

  it("documents the dimensions every series answer carries", () => {
    expect(schemas.SeriesResponse?.required).toEqual(["columns", "rows", "dimensions"]);
    expect(schemas.SeriesResponse?.properties?.dimensions).toEqual({ $ref: "#/components/schemas/SeriesDimensions" });
    expect(schemas.SeriesDimensions?.required).toEqual(["element", "region", "stage", "variable", "months", "held"]);
    expect(schemas.SeriesVariableHeld?.required).toEqual(["variable", "units", "element", "region", "stage"]);
  });

  it("documents the cited sources of the facts", () => {
    expect(schemas.WorldFacts?.required).toEqual(["dataset", "facts", "references", "sources"]);
    expect(schemas.Source?.required).toEqual(["id", "publisher", "title", "year"]);
  });
});
