import { describe, expect, it } from "vitest";
import { fixtureFiles } from "../test-fixtures.js";
import { parseLegislatorsSocialMediaYaml } from "./legislators-social-media-yaml.js";

const file = "congress-legislators/legislators-social-media.yaml";

describe("parseLegislatorsSocialMediaYaml", () => {
  it("reads handles by bioguide ID, keeping long numeric names exact", () => {
    const handles = parseLegislatorsSocialMediaYaml(fixtureFiles[file]!, file);
    expect(handles.get("B001318")).toEqual({
      twitter: null,
      facebook: "123456789012345678",
      instagram: null,
      youtube: null,
      mastodon: null,
      bluesky: "repbeccab.bsky.social",
    });
  });

  it("falls back to the YouTube channel ID when there is no user name", () => {
    const handles = parseLegislatorsSocialMediaYaml(fixtureFiles[file]!, file);
    expect(handles.get("S000033")?.youtube).toBe("channel/UCD_DaKNac0Ta-2PeHuoQ1uA");
    expect(handles.get("S000033")?.twitter).toBe("SenSanders");
  });

  it("refuses malformed entries, naming the line", () => {
    expect(() => parseLegislatorsSocialMediaYaml("- id:\n    bioguide: S33\n  social: {}\n", file)).toThrow(
      "legislators-social-media.yaml line 1: id.bioguide: expected a bioguide ID such as C000127",
    );
    expect(() => parseLegislatorsSocialMediaYaml("- id:\n    bioguide: S000033\n", file)).toThrow("line 1: social: Invalid input");
  });
});
