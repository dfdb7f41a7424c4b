import { asc } from "drizzle-orm";
import { billCosponsors, bills, memberOffices, members, states, zipCities, zipDistricts } from "../../db/schema/index.js";
import { cacheTags } from "../../db/read-cache.js";
import type { Ctx } from "../context.js";

/** How a member is addressed: senators, representatives, delegates (DC, GU, VI, AS, MP) and PR's resident commissioner. */
export type MemberTitle = "senator" | "representative" | "delegate" | "resident_commissioner";

export interface MemberOffice {
  city: string | null;
  state: string | null;
  phone: string;
  address: string | null;
}

/** A sitting member of Congress as the app shows them: public fields only, listed one by one. */
export interface CongressMember {
  bioguideId: string;
  chamber: "house" | "senate";
  title: MemberTitle;
  name: string;
  lastName: string;
  /** "Democrat", "Republican", "Independent". */
  party: string;
  state: string;
  stateName: string;
  /** House only: 0 for at-large seats, delegates and the resident commissioner. */
  district: number | null;
  /** The Washington office. */
  capitolPhone: string | null;
  capitolAddress: string | null;
  /** District and state offices with a phone number: where to call when the Capitol mailbox is full. */
  localOffices: MemberOffice[];
  contactFormUrl: string | null;
  websiteUrl: string | null;
  twitter: string | null;
  bluesky: string | null;
  mastodon: string | null;
}

export interface StateInfo {
  code: string;
  fips: string;
  name: string;
  /** "state", "district" (DC) or "territory". */
  type: string;
  houseSeats: number;
  senators: number;
}

export interface RollEntry {
  bioguideId: string;
  role: "sponsor" | "cosponsor";
  name: string;
  party: string;
  state: string;
  district: number | null;
  sponsoredOn: string | null;
  withdrawnOn: string | null;
}

export interface BillWithRoll {
  id: string;
  congress: number;
  chamber: "house" | "senate";
  number: string;
  title: string;
  introducedOn: string;
  sponsorBioguideId: string;
  officialCosponsorCount: number | null;
  cosponsorsAsOf: string | null;
  rollComplete: boolean;
  isCurrent: boolean;
  sourceUrl: string;
  congressGovUrl: string;
  /** Sponsor and cosponsors, by bioguide ID. */
  roll: Map<string, RollEntry>;
}

export interface ZipDistrict {
  state: string;
  /** 0 for at-large seats and delegates. */
  district: number;
}

export interface CongressDirectory {
  members: Map<string, CongressMember>;
  /** Senators by state code (none for DC and the territories). */
  senatorsByState: Map<string, CongressMember[]>;
  /** House members by seat key, see seatKey(). A seat missing here is vacant. */
  houseBySeat: Map<string, CongressMember>;
  states: Map<string, StateInfo>;
  /** Every congressional district a ZIP code area touches, from the Census ZCTA relationship file. */
  districtsByZip: Map<string, ZipDistrict[]>;
  /** USPS city and state for ZIP codes, including PO-box ZIPs the Census file does not have. */
  placeByZip: Map<string, { city: string; state: string }>;
  bills: Map<string, BillWithRoll>;
}

/** "MN-5"; "AK-0" for at-large seats. */
export const seatKey = (state: string, district: number) => `${state}-${district}`;

export function titleFor(chamber: "house" | "senate", state: StateInfo | undefined): MemberTitle {
  if (chamber === "senate") return "senator";
  if (state?.code === "PR") return "resident_commissioner";
  return state && state.type !== "state" ? "delegate" : "representative";
}

/**
 * Members of Congress, their offices, the ZIP → district table and the Medicare for All bill
 * rolls, loaded once and kept in memory until the public data changes (any process: see
 * ReadCache). About 45,000 small rows; every ZIP look-up and member card reads from here.
 */
export function loadCongressDirectory(ctx: Ctx): Promise<CongressDirectory> {
  return ctx.cache.get(`${cacheTags.publicData}:congress-directory`, async () => {
    const [stateRows, memberRows, officeRows, zipRows, cityRows, billRows, rollRows] = await Promise.all([
      ctx.db.select().from(states),
      ctx.db.select().from(members).orderBy(asc(members.state), asc(members.chamber), asc(members.district), asc(members.lastName)),
      ctx.db.select().from(memberOffices).orderBy(asc(memberOffices.id)),
      ctx.db.select().from(zipDistricts).orderBy(asc(zipDistricts.zcta), asc(zipDistricts.state), asc(zipDistricts.district)),
      ctx.db.select({ zip: zipCities.zip, city: zipCities.city, state: zipCities.state }).from(zipCities),
      ctx.db.select().from(bills),
      ctx.db.select().from(billCosponsors).orderBy(asc(billCosponsors.sponsoredOn), asc(billCosponsors.name)),
    ]);

    const stateMap = new Map<string, StateInfo>();
    for (const s of stateRows) {
      stateMap.set(s.usps, { code: s.usps, fips: s.fips, name: s.name, type: s.type, houseSeats: s.houseSeats, senators: s.senators });
    }

    const officesByMember = new Map<string, MemberOffice[]>();
    for (const office of officeRows) {
      if (!office.phone) continue;
      const list = officesByMember.get(office.bioguideId) ?? [];
      const street = [office.address, office.suite].filter(Boolean).join(", ");
      list.push({
        city: office.city,
        state: office.state,
        phone: office.phone,
        address: street ? `${street}, ${office.city ?? ""}, ${office.state ?? ""} ${office.zip ?? ""}`.replace(/\s+,/g, ",").trim() : null,
      });
      officesByMember.set(office.bioguideId, list);
    }

    const memberMap = new Map<string, CongressMember>();
    const senatorsByState = new Map<string, CongressMember[]>();
    const houseBySeat = new Map<string, CongressMember>();
    for (const row of memberRows) {
      const state = stateMap.get(row.state);
      const member: CongressMember = {
        bioguideId: row.bioguideId,
        chamber: row.chamber,
        title: titleFor(row.chamber, state),
        name: row.fullName,
        lastName: row.lastName,
        party: row.party,
        state: row.state,
        stateName: state?.name ?? row.state,
        district: row.chamber === "house" ? (row.district ?? 0) : null,
        capitolPhone: row.phone,
        capitolAddress: row.officeAddress,
        localOffices: officesByMember.get(row.bioguideId) ?? [],
        contactFormUrl: row.contactFormUrl,
        websiteUrl: row.websiteUrl,
        twitter: row.twitter,
        bluesky: row.bluesky,
        mastodon: row.mastodon,
      };
      memberMap.set(member.bioguideId, member);
      if (member.chamber === "senate") {
        const list = senatorsByState.get(member.state) ?? [];
        list.push(member);
        senatorsByState.set(member.state, list);
      } else {
        houseBySeat.set(seatKey(member.state, member.district ?? 0), member);
      }
    }
    // Senior senator first, as offices list them.
    const rank = new Map(memberRows.map((r) => [r.bioguideId, r.stateRank === "senior" ? 0 : 1]));
    for (const list of senatorsByState.values()) list.sort((a, b) => (rank.get(a.bioguideId) ?? 1) - (rank.get(b.bioguideId) ?? 1));

    const districtsByZip = new Map<string, ZipDistrict[]>();
    for (const row of zipRows) {
      const list = districtsByZip.get(row.zcta) ?? [];
      list.push({ state: row.state, district: row.district });
      districtsByZip.set(row.zcta, list);
    }
    const placeByZip = new Map(cityRows.map((r) => [r.zip, { city: r.city, state: r.state }]));

    const billMap = new Map<string, BillWithRoll>();
    for (const bill of billRows) billMap.set(bill.id, { ...bill, roll: new Map() });
    for (const row of rollRows) {
      billMap.get(row.billId)?.roll.set(row.bioguideId, {
        bioguideId: row.bioguideId,
        role: row.role,
        name: row.name,
        party: row.party,
        state: row.state,
        district: row.district,
        sponsoredOn: row.sponsoredOn,
        withdrawnOn: row.withdrawnOn,
      });
    }

    return { members: memberMap, senatorsByState, houseBySeat, states: stateMap, districtsByZip, placeByZip, bills: billMap };
  });
}
