import { z } from "zod";
import type { Ctx } from "../context.js";
import { notFound } from "../errors.js";
import { billPath, billSlug } from "./bill-slug.js";
import { loadCongressDirectory, type BillWithRoll, type CongressDirectory, type RollEntry } from "./congress-directory.js";

/** "D", "R", "I" (roll rows store letters; the members table spells the party out). */
export type PartyLetter = string;

/** Someone on a bill's roll, as they were when they signed on (members leave office; the roll keeps them). */
export interface RollPerson {
  bioguideId: string;
  name: string;
  party: PartyLetter;
  state: string;
  stateName: string;
  /** House only; 0 for at-large seats and delegates. Null for senators. */
  district: number | null;
  /** Date they sponsored or cosponsored; null when no source gives it. */
  since: string | null;
  withdrawnOn: string | null;
  /** Still a member of Congress today (in the current members list). */
  inOffice: boolean;
}

/** A sitting member of the bill's chamber who is not (or no longer) on its roll. */
export interface NotSignedOnMember {
  bioguideId: string;
  name: string;
  party: PartyLetter;
  state: string;
  district: number | null;
  /** Set when they cosponsored and then withdrew. */
  withdrawnOn: string | null;
}

export interface StateGroup<T> {
  code: string;
  name: string;
  people: T[];
}

/** How much of a state's delegation in the bill's chamber supports the bill (sponsor or current cosponsor). */
export interface DelegationShare {
  code: string;
  name: string;
  delegation: number;
  supporters: number;
  level: ShareLevel;
}

/**
 * Map shading for a delegation: 0 = none of it, 1 = under half, 2 = half or more (but not all),
 * 3 = all of it. The same classes (map-level-N) as the group coverage map, with this meaning.
 */
export type ShareLevel = 0 | 1 | 2 | 3;

export function shareLevel(supporters: number, delegation: number): ShareLevel {
  if (supporters <= 0 || delegation <= 0) return 0;
  if (supporters >= delegation) return 3;
  return supporters * 2 >= delegation ? 2 : 1;
}

export interface BillSummary {
  id: string;
  slug: string;
  path: string;
  congress: number;
  chamber: "house" | "senate";
  number: string;
  title: string;
  isCurrent: boolean;
}

export interface BillCosponsors {
  bill: BillSummary & {
    introducedOn: string;
    congressGovUrl: string;
    /** Date the official roll was read. */
    asOf: string | null;
    /** Every official cosponsor is on the roll, so absence means "has not signed on". */
    complete: boolean;
    officialCount: number | null;
  };
  sponsor: RollPerson;
  /** Sponsors before the current one (H.R.676: Conyers resigned and Ellison took over). */
  formerSponsors: RollPerson[];
  /** Every cosponsor on the roll, withdrawn ones included, by state name then last name. */
  cosponsors: RollPerson[];
  /** The same, grouped by state (state at the time they signed on). */
  cosponsorsByState: StateGroup<RollPerson>[];
  /** Cosponsors on the roll who have not withdrawn. */
  knownCount: number;
  withdrawnCount: number;
  /** Current cosponsors (not withdrawn) by party, largest first. */
  partyCounts: { party: PartyLetter; count: number }[];
  /**
   * Sitting members of the chamber not on the bill, by state; null when we cannot know: the roll
   * is incomplete (absence means "unknown", never "no"), or the bill is from a past Congress
   * (today's members were not all there to sign it).
   */
  notSignedOn: StateGroup<NotSignedOnMember>[] | null;
  notSignedOnCount: number;
  /** Share of each delegation that supports the bill, for the map; null whenever notSignedOn is. */
  delegations: DelegationShare[] | null;
  /** The other bills we hold rolls for, current first, so the page can link to them. */
  otherBills: BillSummary[];
}

const inputSchema = z.object({ billId: z.string().trim().max(40) });

const partyLetters: Record<string, string> = { democrat: "D", democratic: "D", republican: "R", independent: "I" };

/** Letters for both spellings: "Democrat" (members table) and "D" (roll rows). */
export function partyLetter(party: string): PartyLetter {
  const value = party.trim();
  return partyLetters[value.toLowerCase()] ?? (value.length <= 2 ? value.toUpperCase() : value.charAt(0).toUpperCase());
}

const SUFFIX = /^(jr|sr|ii|iii|iv|v)\.?,?$/i;

/** Last name for sorting: the members table knows it; for people who left office, the last word before any suffix. */
function sortKey(directory: CongressDirectory, bioguideId: string, name: string): string {
  const known = directory.members.get(bioguideId)?.lastName;
  if (known) return known;
  const words = name.replace(/,/g, " ").split(/\s+/).filter(Boolean);
  while (words.length > 1 && SUFFIX.test(words[words.length - 1]!)) words.pop();
  return words[words.length - 1] ?? name;
}

const collator = new Intl.Collator("en", { sensitivity: "base" });

function summary(bill: BillWithRoll): BillSummary {
  return {
    id: bill.id,
    slug: billSlug(bill.id),
    path: billPath(bill.id),
    congress: bill.congress,
    chamber: bill.chamber,
    number: bill.number,
    title: bill.title,
    isCurrent: bill.isCurrent,
  };
}

function groupByState<T extends { state: string }>(directory: CongressDirectory, people: T[]): StateGroup<T>[] {
  const groups = new Map<string, StateGroup<T>>();
  for (const person of people) {
    let group = groups.get(person.state);
    if (!group) {
      group = { code: person.state, name: directory.states.get(person.state)?.name ?? person.state, people: [] };
      groups.set(person.state, group);
    }
    group.people.push(person);
  }
  return [...groups.values()];
}

/**
 * A bill's sponsor and cosponsors, grouped by state, with who has not signed on yet and how much
 * of each state's delegation supports it. Read from the in-memory congress directory: no query
 * per request. Throws not_found for a bill we do not hold.
 */
export async function getBillCosponsors({ ctx, input }: { ctx: Ctx; input: { billId: string } }): Promise<BillCosponsors> {
  const parsed = inputSchema.safeParse(input);
  const directory = await loadCongressDirectory(ctx);
  const bill = parsed.success ? directory.bills.get(parsed.data.billId.toLowerCase()) : undefined;
  if (!bill) throw notFound("We have no cosponsor list for that bill.");

  const person = (row: RollEntry): RollPerson => ({
    bioguideId: row.bioguideId,
    name: row.name,
    party: partyLetter(row.party),
    state: row.state,
    stateName: directory.states.get(row.state)?.name ?? row.state,
    district: bill.chamber === "house" ? row.district : null,
    since: row.sponsoredOn,
    withdrawnOn: row.withdrawnOn,
    inOffice: directory.members.has(row.bioguideId),
  });
  const byStateThenName = <T extends { bioguideId: string; name: string; state: string }>(a: T, b: T) =>
    collator.compare(directory.states.get(a.state)?.name ?? a.state, directory.states.get(b.state)?.name ?? b.state) ||
    collator.compare(sortKey(directory, a.bioguideId, a.name), sortKey(directory, b.bioguideId, b.name)) ||
    collator.compare(a.name, b.name);

  const rows = [...bill.roll.values()];
  const sponsorRow = bill.roll.get(bill.sponsorBioguideId);
  const sponsor = sponsorRow ? person(sponsorRow) : sponsorFromDirectory(directory, bill);
  const formerSponsors = rows
    .filter((r) => r.role === "sponsor" && r.bioguideId !== bill.sponsorBioguideId)
    .map(person)
    .sort((a, b) => (a.since ?? "").localeCompare(b.since ?? ""));
  const cosponsors = rows
    .filter((r) => r.role === "cosponsor" && r.bioguideId !== bill.sponsorBioguideId)
    .map(person)
    .sort(byStateThenName);
  const current = cosponsors.filter((p) => !p.withdrawnOn);

  const parties = new Map<string, number>();
  for (const p of current) parties.set(p.party, (parties.get(p.party) ?? 0) + 1);
  const partyCounts = [...parties].map(([party, count]) => ({ party, count })).sort((a, b) => b.count - a.count || a.party.localeCompare(b.party));

  // Who has not signed on is only knowable for a complete roll of a bill in the current Congress.
  const knowable = bill.rollComplete && bill.isCurrent;
  let notSignedOn: StateGroup<NotSignedOnMember>[] | null = null;
  let delegations: DelegationShare[] | null = null;
  let notSignedOnCount = 0;
  if (knowable) {
    const missing: NotSignedOnMember[] = [];
    const shares = new Map<string, { delegation: number; supporters: number }>();
    for (const member of directory.members.values()) {
      if (member.chamber !== bill.chamber) continue;
      const row = bill.roll.get(member.bioguideId);
      const supports = member.bioguideId === bill.sponsorBioguideId || (row !== undefined && !row.withdrawnOn);
      const share = shares.get(member.state) ?? { delegation: 0, supporters: 0 };
      share.delegation += 1;
      if (supports) share.supporters += 1;
      shares.set(member.state, share);
      if (!supports) {
        missing.push({
          bioguideId: member.bioguideId,
          name: member.name,
          party: partyLetter(member.party),
          state: member.state,
          district: member.district,
          withdrawnOn: row?.withdrawnOn ?? null,
        });
      }
    }
    missing.sort(byStateThenName);
    notSignedOn = groupByState(directory, missing);
    notSignedOnCount = missing.length;
    delegations = [...shares]
      .map(([code, s]) => ({ code, name: directory.states.get(code)?.name ?? code, delegation: s.delegation, supporters: s.supporters, level: shareLevel(s.supporters, s.delegation) }))
      .sort((a, b) => collator.compare(a.name, b.name));
  }

  const otherBills = [...directory.bills.values()]
    .filter((b) => b.id !== bill.id)
    .sort((a, b) => Number(b.isCurrent) - Number(a.isCurrent) || b.congress - a.congress || a.chamber.localeCompare(b.chamber))
    .map(summary);

  return {
    bill: {
      ...summary(bill),
      introducedOn: bill.introducedOn,
      congressGovUrl: bill.congressGovUrl,
      asOf: bill.cosponsorsAsOf,
      complete: bill.rollComplete,
      officialCount: bill.officialCosponsorCount,
    },
    sponsor,
    formerSponsors,
    cosponsors,
    cosponsorsByState: groupByState(directory, cosponsors),
    knownCount: current.length,
    withdrawnCount: cosponsors.length - current.length,
    partyCounts,
    notSignedOn,
    notSignedOnCount,
    delegations,
    otherBills,
  };
}

/** The roll has no sponsor row: use today's member record, or at least the bioguide ID. */
function sponsorFromDirectory(directory: CongressDirectory, bill: BillWithRoll): RollPerson {
  const member = directory.members.get(bill.sponsorBioguideId);
  return {
    bioguideId: bill.sponsorBioguideId,
    name: member?.name ?? bill.sponsorBioguideId,
    party: member ? partyLetter(member.party) : "",
    state: member?.state ?? "",
    stateName: member?.stateName ?? "",
    district: bill.chamber === "house" ? (member?.district ?? null) : null,
    since: bill.introducedOn,
    withdrawnOn: null,
    inOffice: member !== undefined,
  };
}

/** The current bill of a chamber, for /cosponsors without a bill. */
export async function findCurrentBill({ ctx, input }: { ctx: Ctx; input: { chamber: "house" | "senate" } }): Promise<BillSummary> {
  const directory = await loadCongressDirectory(ctx);
  const bill = [...directory.bills.values()].filter((b) => b.isCurrent && b.chamber === input.chamber).sort((a, b) => b.congress - a.congress)[0];
  if (!bill) throw notFound(`No current ${input.chamber} bill is loaded.`);
  return summary(bill);
}
