import { describe, expect, it } from "vitest";
import { en } from "./en.js";
import { es } from "./es.js";
import { negotiateLocale } from "./index.js";

describe("negotiateLocale", () => {
  it("prefers an explicit ?lang= over the browser's preferences", () => {
    expect(negotiateLocale("es", "en-US,en;q=0.9")).toBe("es");
  });
  it("follows Accept-Language in quality order, matching on the base language", () => {
    expect(negotiateLocale(undefined, "fr-CA, es-MX;q=0.8, en;q=0.5")).toBe("es");
    expect(negotiateLocale(undefined, "es;q=0.2, en;q=0.9")).toBe("en");
  });
  it("falls back to English for unknown languages, junk and q=0", () => {
    expect(negotiateLocale("xx", "de-DE")).toBe("en");
    expect(negotiateLocale(undefined, ";;,q=zz")).toBe("en");
    expect(negotiateLocale(undefined, "es;q=0")).toBe("en");
    expect(negotiateLocale(undefined, undefined)).toBe("en");
  });
});

describe("message catalogues", () => {
  it("give Spanish a translation for every English message", () => {
    const keys = (o: object, prefix = ""): string[] =>
      Object.entries(o).flatMap(([k, v]) => (v && typeof v === "object" ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
    expect(keys(es)).toEqual(keys(en));
  });
  it("pluralise counts instead of gluing words", () => {
    expect(en.home.groups(1)).toBe("1 local group listed");
    expect(en.home.groups(1234)).toBe("1,234 local groups listed");
    expect(es.home.statesMissing(0)).toBe("Todos los estados tienen un grupo.");
    expect(en.mail.signInExpiry(15)).toBe("The link works once, for 15 minutes.");
    expect(en.mail.signInExpiry(3 * 1440)).toBe("The link works once, for 3 days.");
  });
});
