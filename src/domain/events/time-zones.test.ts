import { describe, expect, it } from "vitest";
import { instantToLocal, isoWithOffset, localToInstant, offsetMinutes } from "./time-zones.js";

describe("local time in an event's zone", () => {
  it("turns a Chicago evening into the right instant, in winter and in summer", () => {
    expect(localToInstant("2026-12-03T19:00", "America/Chicago")).toEqual({ ok: true, instant: new Date("2026-12-04T01:00:00Z") });
    expect(localToInstant("2026-07-03T19:00", "America/Chicago")).toEqual({ ok: true, instant: new Date("2026-07-04T00:00:00Z") });
  });

  it("refuses a time the clocks skip when daylight saving time starts", () => {
    expect(localToInstant("2026-03-08T02:30", "America/New_York")).toEqual({ ok: false, reason: "nonexistent" });
    // A minute either side of the gap exists.
    expect(localToInstant("2026-03-08T01:59", "America/New_York")).toEqual({ ok: true, instant: new Date("2026-03-08T06:59:00Z") });
    expect(localToInstant("2026-03-08T03:00", "America/New_York")).toEqual({ ok: true, instant: new Date("2026-03-08T07:00:00Z") });
  });

  it("reads a time that happens twice (clocks fall back) as the first, still on daylight time", () => {
    const result = localToInstant("2026-11-01T01:30", "America/New_York");
    expect(result).toEqual({ ok: true, instant: new Date("2026-11-01T05:30:00Z") });
    expect(isoWithOffset(new Date("2026-11-01T05:30:00Z"), "America/New_York")).toBe("2026-11-01T01:30:00-04:00");
    // The second 1:30 (an hour later, on standard time) shows the same wall clock.
    expect(instantToLocal(new Date("2026-11-01T06:30:00Z"), "America/New_York")).toBe("2026-11-01T01:30");
  });

  it("keeps Phoenix on one offset all year (no daylight time)", () => {
    expect(offsetMinutes(new Date("2026-01-15T12:00:00Z"), "America/Phoenix")).toBe(-420);
    expect(offsetMinutes(new Date("2026-07-15T12:00:00Z"), "America/Phoenix")).toBe(-420);
    // 2:30 on the night Denver skips exists in Phoenix.
    expect(localToInstant("2026-03-08T02:30", "America/Phoenix")).toEqual({ ok: true, instant: new Date("2026-03-08T09:30:00Z") });
  });

  it("refuses things that are not dates and times", () => {
    for (const bad of ["", "tomorrow", "2026-02-30T10:00", "2026-13-01T10:00", "2026-12-03T24:00", "2026-12-03", "1999-12-03T10:00"]) {
      expect(localToInstant(bad, "America/Chicago")).toEqual({ ok: false, reason: "invalid" });
    }
  });

  it("round-trips instants to local times in every zone", () => {
    for (const zone of ["Pacific/Honolulu", "America/Anchorage", "America/Puerto_Rico", "Pacific/Guam", "Pacific/Pago_Pago"]) {
      const result = localToInstant("2026-06-10T09:15", zone);
      expect(result.ok).toBe(true);
      if (result.ok) expect(instantToLocal(result.instant, zone)).toBe("2026-06-10T09:15");
    }
  });
});
