import { describe, expect, it } from "vitest";
import { formatIssues } from "../model/issue-text.js";
import { parseWorld, type WorldFileText } from "./parse-world.js";
import { readWorldFiles } from "./node.js";

const TINY = readWorldFiles(new URL("../../test/fixtures/worlds/tiny/", import.meta.url).pathname);

/** The tiny fixture world with one file's text edited. */
function tinyWith(path: string, edit: (text: string) => string): WorldFileText[] {
  let touched = false;
  const files = TINY.map((f) => {
    if (f.path !== path) return f;
    const text = edit(f.text);
    if (text === f.text) throw new Error(`edit of ${path} changed nothing: fix the test`);
    touched = true;
    return { path, text };
  });
  if (!touched) throw new Error(`no file ${path} in the fixture`);
  return files;
}

function problems(files: WorldFileText[]): string {
  const { world, issues } = parseWorld(files, { displayPrefix: "world/" });
  expect(world).toBeUndefined();
  return formatIssues(issues);
}

describe("parseWorld", () => {
  it("accepts the tiny fixture world and merges every file", () => {
    const { world, issues } = parseWorld(TINY);
    expect(issues).toEqual([]);
    expect(world?.elements).toHaveLength(16);
    expect(world?.mines.map((m) => m.id)).toEqual(["mine:cn-rock", "mine:cn-clay", "mine:au-rock"]);
    expect(world?.sources.map((s) => s.id)).toContain("fixture");
  });

  it("checks sector short names: at most 24 characters, and no two alike", () => {
    const files = tinyWith("demand.yaml", (t) => t.replace("    name: EV motors\n", "    name: EV motors\n    shortName: Electric-vehicle traction motors\n").replace("    name: Catalysts\n", "    name: Catalysts\n    shortName: EV Motors\n"));
    expect(problems(files)).toMatchInlineSnapshot(`
      "world/demand.yaml:4:16  sectors[0].shortName
        expected a short name of at most 24 characters for terminal tables, got "Electric-vehicle traction motors" (32 characters)
      1 problem found"
    `);
    const alike = tinyWith("demand.yaml", (t) => t.replace("    name: EV motors\n", "    name: EV motors\n    shortName: EV motors\n").replace("    name: Catalysts\n", "    name: Catalysts\n    shortName: EV Motors\n"));
    expect(problems(alike)).toMatchInlineSnapshot(`
      "world/demand.yaml:12:16  sectors[1].shortName
        duplicate short name "EV Motors" (first at sectors[0], sector:ev)
      1 problem found"
    `);
  });

  it("accepts elements declared unpriced with their reason, but not one that has a price, nor an unknown source", () => {
    const unpriced = "unpricedElements:\n  - { element: Tm, source: fixture, estimate: no assessed price found }\n  - { element: Nd, source: nowhere, estimate: listed by mistake }\n";
    const files = tinyWith("markets.yaml", (t) => t.replace("inventoryNorms:\n", `${unpriced}inventoryNorms:\n`));
    expect(problems(files)).toMatchInlineSnapshot(`
      "world/markets.yaml:6:16  unpricedElements[1].element
        Nd has a price in prices, so it is not unpriced
        fix: drop Nd from unpricedElements or its price from prices
      world/markets.yaml:6:28  unpricedElements[1].source
        source "nowhere" is not in the source list (sources/*.yaml)
        fix: add an entry with id: nowhere to a file in sources/, or fix the id
      2 problems found"
    `);
  });

  it("rejects a negative capacity with file, line, column and field", () => {
    const files = tinyWith("mines.yaml", (t) => t.replace("capacityTonnesReoPerYear: 600", "capacityTonnesReoPerYear: -600"));
    expect(problems(files)).toMatchInlineSnapshot(`
      "world/mines.yaml:31:31  mines[2].capacityTonnesReoPerYear
        expected a number >= 0, got -600
      1 problem found"
    `);
  });

  it("rejects a date that is not a date", () => {
    const files = tinyWith("mines.yaml", (t) => t.replace('startMonth: "2010-01"', 'startMonth: "2010-13"'));
    expect(problems(files)).toMatchInlineSnapshot(`
      "world/mines.yaml:34:17  mines[2].startMonth
        expected a month written YYYY-MM, e.g. 2024-01, got "2010-13"
      1 problem found"
    `);
  });

  it("rejects an unknown id reference", () => {
    const files = tinyWith("mines.yaml", (t) => t.replace("profile: profile:heavy-clay", "profile: profile:kachin"));
    expect(problems(files)).toMatchInlineSnapshot(`
      "world/mines.yaml:18:14  mines[1].profile
        unknown deposit profile "profile:kachin"; expected one defined in deposit-profiles.yaml
      1 problem found"
    `);
  });

  it("rejects an offtake to a separation plant that does not exist, naming file, line and field", () => {
    const files = tinyWith("mines.yaml", (t) => t.replace("profile: profile:heavy-clay", "profile: profile:heavy-clay\n    offtakePlants: [plant:cn-sep, plant:nowhere]"));
    const out = problems(files);
    expect(out).toMatch(/world\/mines\.yaml:\d+:\d+  mines\[1\]\.offtakePlants\[1\]/);
    expect(out).toContain('unknown separation plant "plant:nowhere"; expected one defined in separation-plants.yaml');
    expect(out).toContain("1 problem found");
  });

  it("rejects a front-end reject of an element the plant does not separate, naming file, line and field", () => {
    const files = tinyWith("separation-plants.yaml", (t) => t.replace("separates: [light, medium, heavy]", "separates: [light]\n    rejectsPercentOfFeed: { La: 80, Dy: 50 }"));
    const out = problems(files);
    expect(out).toMatch(/world\/separation-plants\.yaml:\d+:\d+  separationPlants\[0\]\.rejectsPercentOfFeed\.Dy/);
    expect(out).toContain("rejects Dy, which the plant does not separate; list it under separates or drop the reject");
    expect(out).toContain("1 problem found");
  });

  it("rejects a duplicate id and says where the first one is", () => {
    const files = tinyWith("mines.yaml", (t) => t.replace("id: mine:cn-clay", "id: mine:cn-rock"));
    expect(problems(files)).toMatchInlineSnapshot(`
      "world/mines.yaml:14:9  mines[1].id
        duplicate id "mine:cn-rock" (first used at mines.yaml mines[0])
      1 problem found"
    `);
  });

  it("rejects a duplicate plant id across plant files", () => {
    const files = tinyWith("metal-plants.yaml", (t) => t.replace("id: plant:cn-metal", "id: plant:cn-sep"));
    expect(problems(files)).toContain('duplicate id "plant:cn-sep" (first used at separation-plants.yaml separationPlants[0])');
  });

  it("rejects a source id that does not resolve", () => {
    const files = tinyWith("trade.yaml", (t) => t.replace("months: 0.5, source: fixture", "months: 0.5, source: [fixture, usgs-2099]"));
    expect(problems(files)).toMatchInlineSnapshot(`
      "world/trade.yaml:3:56  leadTimes[0].source[1]
        source "usgs-2099" is not in the source list (sources/*.yaml)
        fix: add an entry with id: usgs-2099 to a file in sources/, or fix the id
      1 problem found"
    `);
  });

  it("rejects a distribution that does not sum to 100", () => {
    const files = tinyWith("deposit-profiles.yaml", (t) => t.replace("Dy: 15, Tb: 5", "Dy: 15, Tb: 15"));
    expect(problems(files)).toMatchInlineSnapshot(`
      "world/deposit-profiles.yaml:13:26  depositProfiles[1].sharesPercentOfTreo
        expected shares summing to 100 (±0.5), got 110
        fix: normalise the shares and say so in the record's note or estimate
      1 problem found"
    `);
  });

  it("accepts a distribution within the ±0.5 tolerance", () => {
    const files = tinyWith("deposit-profiles.yaml", (t) => t.replace("Dy: 15, Tb: 5", "Dy: 15, Tb: 5.4"));
    expect(parseWorld(files).issues).toEqual([]);
  });

  it("suggests the plain number for a unit-suffixed value and names unknown fields at the key", () => {
    const files = tinyWith("metal-plants.yaml", (t) => t.replace("output2024Tonnes: 300", 'output2024Tonnes: "12kt"\n    capacityTpa: 5'));
    expect(problems(files)).toMatchInlineSnapshot(`
      "world/metal-plants.yaml:7:23  metalPlants[0].output2024Tonnes
        expected a number, got "12kt"
        fix: write a plain number in the field's unit (write 12000)
      world/metal-plants.yaml:8:5  metalPlants[0].capacityTpa
        unknown field "capacityTpa"
        fix: check the spelling against docs/data.md (field names are case-sensitive)
      2 problems found"
    `);
  });

  it("reports YAML syntax errors with their position", () => {
    const files = tinyWith("regions.yaml", (t) => t.replace("- { id: JP, name: Japan, kind: country }", "- { id: JP, name: Japan, kind: country"));
    const text = problems(files);
    expect(text).toMatch(/^world\/regions\.yaml:\d+:\d+ {2}\(top level\)\n {2}not valid YAML: /);
  });

  it("reports a missing file and still checks the rest in the same pass", () => {
    const files = tinyWith("mines.yaml", (t) => t.replace("capacityTonnesReoPerYear: 600", "capacityTonnesReoPerYear: -1"))
      .filter((f) => f.path !== "markets.yaml");
    const { issues } = parseWorld(files, { displayPrefix: "world/" });
    expect(issues.map((i) => `${i.code} ${i.file}`)).toEqual(["too_small world/mines.yaml", "missing_file world/markets.yaml"]);
  });

  it("reports every problem at once across files", () => {
    const files = tinyWith("demand.yaml", (t) => t.replace("region: JP, magnetTonnes: 300", "region: XX, magnetTonnes: 300"))
      .map((f) => (f.path === "magnet-grades.yaml" ? { ...f, text: f.text.replace("yieldFinishedPerAlloy: 0.75", "yieldFinishedPerAlloy: 1.5") } : f));
    const { issues } = parseWorld(files, { displayPrefix: "world/" });
    expect(issues.map((i) => i.code).sort()).toEqual(["too_big", "unknown_reference"]);
  });

  it("requires the right demand field for the sector's use", () => {
    const files = tinyWith("demand.yaml", (t) => t.replace("region: CN, tonnesReo: 600", "region: CN, magnetTonnes: 600"));
    expect(problems(files)).toMatchInlineSnapshot(`
      "world/demand.yaml:19:5  demand2024[2]
        missing tonnesReo; non-magnet sector sector:catalysts states its demand as tonnesReo
      world/demand.yaml:19:45  demand2024[2].magnetTonnes
        magnetTonnes does not apply to non-magnet sector sector:catalysts; use tonnesReo
      2 problems found"
    `);
  });

  it("rejects output above capacity", () => {
    const files = tinyWith("mines.yaml", (t) => t.replace("output2024TonnesReo: 480", "output2024TonnesReo: 700"));
    expect(problems(files)).toContain("2024 output 700 is above the capacity 600; capacity must be at least the output");
  });

  it("rejects an unknown element in a distribution", () => {
    const files = tinyWith("deposit-profiles.yaml", (t) => t.replace("Dy: 15, Tb: 5", "Dy: 15, Tb: 5, Pm: 0"));
    expect(problems(files)).toContain("depositProfiles[1].sharesPercentOfTreo");
  });

  describe("domesticOnly (trade.yaml): forms a region sells only at home", () => {
    const withDomesticOnly = (records: string) => tinyWith("trade.yaml", (t) => `${t}domesticOnly:\n${records}`);

    it("is optional, and accepted when it names a region and a traded form", () => {
      const { world, issues } = parseWorld(withDomesticOnly("  - { region: CN, form: concentrate, source: fixture }\n"));
      expect(issues).toEqual([]);
      expect(world?.domesticOnly).toEqual([{ region: "CN", form: "concentrate", source: "fixture" }]);
      expect(parseWorld(TINY).world?.domesticOnly).toEqual([]);
    });

    it("rejects a form that is not traded, naming file, line and field", () => {
      expect(problems(withDomesticOnly("  - { region: CN, form: ore, source: fixture }\n"))).toMatchInlineSnapshot(`
        "world/trade.yaml:7:25  domesticOnly[0].form
          expected one of "concentrate", "oxide", "metal", "magnet", got "ore"
        1 problem found"
      `);
    });

    it("rejects an unknown region and a repeated region and form", () => {
      expect(problems(withDomesticOnly("  - { region: XX, form: concentrate, source: fixture }\n  - { region: CN, form: metal, source: fixture }\n  - { region: CN, form: metal, source: fixture }\n"))).toMatchInlineSnapshot(`
        "world/trade.yaml:7:15  domesticOnly[0].region
          unknown region "XX"; expected one defined in regions.yaml
        world/trade.yaml:9:5  domesticOnly[2]
          duplicate region/form CN/metal (first at domesticOnly[1])
        2 problems found"
      `);
    });

    it("rejects a 2024 flow or an offtake that takes the form abroad", () => {
      const files = withDomesticOnly("  - { region: AU, form: concentrate, source: fixture }\n").map((f) =>
        f.path === "mines.yaml" ? { ...f, text: f.text.replace("profile: profile:light-rock\n    capacityTonnesReoPerYear: 600", "profile: profile:light-rock\n    offtakePlants: [plant:cn-sep]\n    capacityTonnesReoPerYear: 600") } : f);
      expect(problems(files)).toMatchInlineSnapshot(`
        "world/trade.yaml:5:13  flows[0].from
          ships concentrate from AU to CN, but domesticOnly[0] says AU sells its concentrate only at home
          fix: drop the flow or the domesticOnly record
        world/mines.yaml:31:21  mines[2].offtakePlants[0]
          sends AU concentrate to plant:cn-sep in CN, but trade.yaml domesticOnly[0] says AU sells its concentrate only at home
          fix: drop the offtake or the domesticOnly record
        2 problems found"
      `);
    });
  });

  describe("sellsOnlyTo (trade.yaml): forms a region sells only to listed buyers and at home", () => {
    const withSellsOnlyTo = (records: string, domesticOnly = "") => tinyWith("trade.yaml", (t) => `${t}${domesticOnly}sellsOnlyTo:\n${records}`);

    it("is optional, and accepted when it names a region, a traded form and buyer regions", () => {
      const { world, issues } = parseWorld(withSellsOnlyTo("  - { region: AU, form: concentrate, buyers: [CN], source: fixture }\n"));
      expect(issues).toEqual([]);
      expect(world?.sellsOnlyTo).toEqual([{ region: "AU", form: "concentrate", buyers: ["CN"], source: "fixture" }]);
      expect(parseWorld(TINY).world?.sellsOnlyTo).toEqual([]);
    });

    it("rejects an empty buyer list and a form that is not traded, naming file, line and field", () => {
      expect(problems(withSellsOnlyTo([
        "  - { region: AU, form: concentrate, buyers: [], source: fixture }",
        "  - { region: CN, form: ore, buyers: [JP], source: fixture }",
      ].join("\n") + "\n"))).toMatchInlineSnapshot(`
        "world/trade.yaml:7:46  sellsOnlyTo[0].buyers
          expected at least one buyer region abroad (a form sold only at home goes in domesticOnly), got 0 item(s)
        world/trade.yaml:8:25  sellsOnlyTo[1].form
          expected one of "concentrate", "oxide", "metal", "magnet", got "ore"
        2 problems found"
      `);
    });

    it("rejects an unknown seller or buyer region, the seller's own region as a buyer, and a buyer listed twice", () => {
      expect(problems(withSellsOnlyTo([
        "  - { region: XX, form: oxide, buyers: [CN, YY], source: fixture }",
        "  - { region: CN, form: metal, buyers: [CN, JP, JP], source: fixture }",
      ].join("\n") + "\n"))).toMatchInlineSnapshot(`
        "world/trade.yaml:7:15  sellsOnlyTo[0].region
          unknown region "XX"; expected one defined in regions.yaml
        world/trade.yaml:7:45  sellsOnlyTo[0].buyers[1]
          unknown region "YY"; expected one defined in regions.yaml
        world/trade.yaml:8:41  sellsOnlyTo[1].buyers[0]
          CN is the seller's own region, which always buys
          fix: drop CN from buyers
        world/trade.yaml:8:49  sellsOnlyTo[1].buyers[2]
          buyer JP is listed twice (first at buyers[1])
        4 problems found"
      `);
    });

    it("rejects a region and form given twice, or already home-only", () => {
      expect(problems(withSellsOnlyTo(
        "  - { region: CN, form: concentrate, buyers: [JP], source: fixture }\n  - { region: AU, form: oxide, buyers: [JP], source: fixture }\n  - { region: AU, form: oxide, buyers: [CN], source: fixture }\n",
        "domesticOnly:\n  - { region: CN, form: concentrate, source: fixture }\n",
      ))).toMatchInlineSnapshot(`
        "world/trade.yaml:9:5  sellsOnlyTo[0]
          CN already sells its concentrate only at home (domesticOnly[0])
          fix: keep one of the two records
        world/trade.yaml:11:5  sellsOnlyTo[2]
          duplicate region/form AU/oxide (first at sellsOnlyTo[1])
        2 problems found"
      `);
    });

    it("rejects a 2024 flow or an offtake that takes the form to a region not listed", () => {
      const files = withSellsOnlyTo("  - { region: AU, form: concentrate, buyers: [JP], source: fixture }\n").map((f) =>
        f.path === "mines.yaml" ? { ...f, text: f.text.replace("profile: profile:light-rock\n    capacityTonnesReoPerYear: 600", "profile: profile:light-rock\n    offtakePlants: [plant:cn-sep]\n    capacityTonnesReoPerYear: 600") } : f);
      expect(problems(files)).toMatchInlineSnapshot(`
        "world/trade.yaml:5:13  flows[0].from
          ships concentrate from AU to CN, but sellsOnlyTo[0] says AU sells its concentrate only to JP and at home
          fix: drop the flow or add CN to sellsOnlyTo[0].buyers
        world/mines.yaml:31:21  mines[2].offtakePlants[0]
          sends AU concentrate to plant:cn-sep in CN, but trade.yaml sellsOnlyTo[0] says AU sells its concentrate only to JP and at home
          fix: drop the offtake or add CN to sellsOnlyTo[0].buyers
        2 problems found"
      `);
      // Listing the buyer makes both valid.
      const listed = withSellsOnlyTo("  - { region: AU, form: concentrate, buyers: [JP, CN], source: fixture }\n").map((f) =>
        f.path === "mines.yaml" ? { ...f, text: f.text.replace("profile: profile:light-rock\n    capacityTonnesReoPerYear: 600", "profile: profile:light-rock\n    offtakePlants: [plant:cn-sep]\n    capacityTonnesReoPerYear: 600") } : f);
      expect(parseWorld(listed).issues).toEqual([]);
    });
  });

  describe("offtakes (trade.yaml): a supplier sells a share of some elements to a buyer region first", () => {
    const withOfftakes = (records: string) => tinyWith("trade.yaml", (t) => `${t}offtakes:\n${records}`);
    const offtake = (fields: string) => `  - { id: offtake:a, supplier: plant:cn-sep, buyer: JP, form: oxide, elements: [Nd], share: 0.5, from: "2024-01", source: fixture${fields} }\n`;

    it("rejects an offtake to a buyer its supplier's region does not sell the form to (sellsOnlyTo, domesticOnly)", () => {
      const limited = tinyWith("trade.yaml", (t) => `${t}sellsOnlyTo:\n  - { region: CN, form: oxide, buyers: [AU], source: fixture }\nofftakes:\n${offtake("")}`);
      expect(formatIssues(parseWorld(limited).issues)).toContain("offtakes[0].buyer\n  CN sells its oxide only to AU (sellsOnlyTo[0]), not to JP");
      const home = tinyWith("trade.yaml", (t) => `${t}domesticOnly:\n  - { region: CN, form: oxide, source: fixture }\nofftakes:\n${offtake("")}`);
      expect(formatIssues(parseWorld(home).issues)).toContain("offtakes[0].buyer\n  CN sells its oxide only at home (domesticOnly[0]), not to JP");
    });

    it("is optional, and accepted when it names a plant or region, a buyer, elements and dates", () => {
      const { world, issues } = parseWorld(withOfftakes(offtake(", capTonnesPerYear: 100, until: \"2026-03\"") + `  - { id: offtake:b, supplier: CN, buyer: JP, form: metal, elements: [Nd], share: 0.5, from: "2026-03", source: fixture }\n`));
      expect(issues).toEqual([]);
      expect(world?.offtakes).toHaveLength(2);
      expect(parseWorld(TINY).world?.offtakes).toEqual([]);
    });

    it("rejects a share outside 0-1, a form that is not a separated product and an unknown element, naming file, line and field", () => {
      expect(problems(withOfftakes(offtake("").replace("share: 0.5", "share: 1.5").replace("form: oxide", "form: concentrate").replace("[Nd]", "[Xx]")))).toMatchInlineSnapshot(`
        "world/trade.yaml:7:63  offtakes[0].form
          expected one of "oxide", "metal", "magnet", got "concentrate"
        world/trade.yaml:7:87  offtakes[0].elements[0]
          expected one of "Sc", "Y", "La", "Ce", "Pr", "Nd", "Sm", "Eu", "Gd", "Tb", "Dy", "Ho", "Er", "Tm", "Yb", "Lu", got "Xx"
        world/trade.yaml:7:99  offtakes[0].share
          expected a share from 0 to 1, got 1.5
        3 problems found"
      `);
    });

    it("rejects an unknown plant or region, a plant that does not make the form or element, a buyer at home and until before from", () => {
      const records = offtake("").replace("plant:cn-sep", "plant:nowhere")
        + offtake("").replace("offtake:a", "offtake:b").replace("buyer: JP", "buyer: XX").replace("plant:cn-sep", "AU")
        + offtake("").replace("offtake:a", "offtake:c").replace("form: oxide", "form: metal")
        + offtake("").replace("offtake:a", "offtake:d").replace("[Nd]", "[Dy]").replace("buyer: JP", "buyer: CN").replace("source: fixture", "until: \"2023-06\", source: fixture");
      expect(problems(withOfftakes(records))).toMatchInlineSnapshot(`
        "world/trade.yaml:7:32  offtakes[0].supplier
          unknown plant "plant:nowhere"; expected one defined in separation-plants.yaml, metal-plants.yaml or magnet-plants.yaml
        world/trade.yaml:8:43  offtakes[1].buyer
          unknown region "XX"; expected one defined in regions.yaml
        world/trade.yaml:9:63  offtakes[2].form
          plant:cn-sep makes oxide, not metal
        world/trade.yaml:10:53  offtakes[3].buyer
          the buyer CN is the supplier's own region; an offtake sells abroad
        world/trade.yaml:10:122  offtakes[3].until
          until 2023-06 is not after from 2024-01
        5 problems found"
      `);
    });

    it("rejects three offtakes that together give away more than the whole though no two do (code review)", () => {
      // A fourth region, so three buyers abroad can each take 0.4 of plant:cn-sep's Nd oxide at once: 1.2 in all.
      const to = (id: string, buyer: string, from: string) => offtake("").replace("offtake:a", id).replace("buyer: JP", `buyer: ${buyer}`).replace("share: 0.5", "share: 0.4").replace("2024-01", from);
      const withKr = (records: string) => withOfftakes(records).map((f) => (f.path === "regions.yaml" ? { ...f, text: `${f.text}  - { id: KR, name: Korea, kind: country }\n` } : f));
      const text = problems(withKr(to("offtake:a", "JP", "2024-01") + to("offtake:b", "AU", "2024-01") + to("offtake:c", "KR", "2025-01")));
      expect(text).toContain("offtakes[2].share\n  with offtake:a, offtake:b gives 1.2 of plant:cn-sep's Nd oxide away from 2025-01");
      expect(text).toContain("1 problem found");
      // Ended before the third begins: never more than 0.8 at once.
      expect(parseWorld(withKr(to("offtake:a", "JP", "2024-01").replace("source: fixture", "until: \"2025-01\", source: fixture") + to("offtake:b", "AU", "2024-01") + to("offtake:c", "KR", "2025-01"))).issues).toEqual([]);
    });

    it("rejects overlapping offtakes to one buyer, shares to several above 1 and a repeated id", () => {
      const records = offtake(", until: \"2026-03\"")
        + offtake("").replace("offtake:a", "offtake:b").replace("2024-01", "2025-06")
        + offtake("").replace("offtake:a", "offtake:c").replace("buyer: JP", "buyer: AU").replace("share: 0.5", "share: 0.6")
        + offtake("").replace("2024-01", "2030-01");
      expect(problems(withOfftakes(records))).toMatchInlineSnapshot(`
        "world/trade.yaml:8:104  offtakes[1].from
          overlaps offtakes[0] (offtake:a): same supplier plant:cn-sep, buyer JP, form oxide and Nd in the same months
          fix: end one offtake (until) where the next begins (from)
        world/trade.yaml:9:93  offtakes[2].share
          with offtakes[0] (offtake:a) gives 1.1 of plant:cn-sep's Nd oxide away in the same months
        world/trade.yaml:9:93  offtakes[2].share
          with offtakes[1] (offtake:b) gives 1.1 of plant:cn-sep's Nd oxide away in the same months
        world/trade.yaml:10:5  offtakes[3]
          duplicate id offtake:a (first at offtakes[0])
        world/trade.yaml:10:93  offtakes[3].share
          with offtakes[2] (offtake:c) gives 1.1 of plant:cn-sep's Nd oxide away in the same months
        world/trade.yaml:10:104  offtakes[3].from
          overlaps offtakes[1] (offtake:b): same supplier plant:cn-sep, buyer JP, form oxide and Nd in the same months
          fix: end one offtake (until) where the next begins (from)
        6 problems found"
      `);
    });
  });
});
