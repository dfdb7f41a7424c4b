import { describe, expect, it } from "vitest";
import { makeZip } from "../test-fixtures.js";
import { readZipEntries } from "./zip-archive.js";

describe("readZipEntries", () => {
  const text = Buffer.from("GEOID\tINTPTLAT\n05001\t43.67\n".repeat(50));

  it("reads deflated and stored entries", () => {
    const zip = makeZip([
      { name: "2022_Gaz_zcta_national.txt", data: text },
      { name: "readme.txt", data: Buffer.from("hello"), deflate: false },
    ]);
    const entries = readZipEntries(zip, "gaz.zip");
    expect(entries.map((e) => e.name)).toEqual(["2022_Gaz_zcta_national.txt", "readme.txt"]);
    expect(entries[0]!.read().equals(text)).toBe(true);
    expect(entries[1]!.read().toString()).toBe("hello");
  });

  it("finds the directory behind an archive comment", () => {
    const zip = makeZip([{ name: "a.txt", data: text }]);
    const comment = Buffer.from("a comment");
    const withComment = Buffer.concat([zip, comment]);
    withComment.writeUInt16LE(comment.length, zip.length - 2);
    expect(readZipEntries(withComment, "c.zip")[0]!.read().equals(text)).toBe(true);
  });

  it("refuses a file that is not a zip archive", () => {
    expect(() => readZipEntries(Buffer.from("<html>Not Found</html>"), "gaz.zip")).toThrow(
      "gaz.zip: not a readable .zip archive (no end-of-archive record); delete it and download it again",
    );
  });

  it("refuses a damaged entry instead of returning wrong data", () => {
    const zip = makeZip([{ name: "a.txt", data: text, deflate: false }]);
    zip[40] = zip[40]! ^ 0xff; // flip a byte of the stored data
    expect(() => readZipEntries(zip, "gaz.zip")[0]!.read()).toThrow("a.txt fails its checksum");
  });
});
