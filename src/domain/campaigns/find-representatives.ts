import { loadCongressDirectory, seatKey, type CongressDirectory, type CongressMember, type ZipDistrict } from "../congress/congress-directory.js";
import type { Ctx } from "../context.js";
import { invalid, unavailable } from "../errors.js";
import { normalizeZip } from "../places/lookup-zip.js";
import { getCampaign, type Campaign } from "./campaign-catalogue.js";
import { memberStance, type MemberStance } from "./member-stance.js";

/** A seat and who holds it: a member, or nobody until a special election. */
export type Seat =
  | { kind: "member"; member: CongressMember; stance: MemberStance }
  | { kind: "vacant"; chamber: "house" | "senate"; state: string; stateName: string; district: number };

export interface StateRepresentation {
  code: string;
  name: string;
  /** "state", "district" (DC) or "territory": the last two have no senators. */
  type: string;
  senators: Seat[];
}

export interface Representatives {
  campaign: Campaign;
  /** The ZIP asked about; null when the members were found from a point (findRepresentativesAtPoint). */
  zip: string | null;
  /** USPS city for the ZIP, when known. */
  city: string | null;
  /** Every state the ZIP touches, usually one; senators are per state. */
  states: StateRepresentation[];
  /** Every congressional district the ZIP touches, after narrowing. */
  districts: ZipDistrict[];
  /** The House seat cannot be told from the ZIP alone: `house` lists every candidate. */
  ambiguous: boolean;
  /** Narrowed to one district by an address search (or a remembered one). */
  narrowedTo: ZipDistrict | null;
  house: Seat[];
  /** Found from a point: `nearLine` when it is within about 500 m of another district (all candidates are listed). */
  location?: { nearLine: boolean } | undefined;
}

export interface FindRepresentativesInput {
  campaignSlug: string;
  zip: string;
  /**
   * "MN-5" from an address search: keeps that candidate only, or replaces them when the address
   * was elsewhere. Several when the address is near a district line: keeps those.
   */
  district?: string | string[] | undefined;
}

export function parseSeat(value: string | undefined): ZipDistrict | undefined {
  const match = /^([A-Z]{2})-(\d{1,2})$/.exec(value?.trim().toUpperCase() ?? "");
  return match ? { state: match[1]!, district: Number(match[2]) } : undefined;
}

/**
 * The members of Congress for a ZIP code, from memory: the senators of each state it touches
 * and every House seat it touches. When the ZIP spans districts, all candidates are returned
 * and the page asks for an address instead of guessing (the peers' most-reported error).
 */
export async function findRepresentatives({ ctx, input }: { ctx: Ctx; input: FindRepresentativesInput }): Promise<Representatives> {
  const zip = normalizeZip(input.zip);
  if (!zip) throw invalid("Enter a 5-digit ZIP code, like 55401.", { zip: "invalid_zip" });
  const [campaign, directory] = await Promise.all([getCampaign({ ctx, input: { slug: input.campaignSlug } }), loadCongressDirectory(ctx)]);
  if (directory.members.size === 0) throw unavailable("The list of members of Congress has not been imported yet. Run `npm run data:update`.");

  const place = directory.placeByZip.get(zip);
  let districts = directory.districtsByZip.get(zip) ?? [];
  if (districts.length === 0 && place) {
    // PO-box and single-building ZIPs have no Census area: fall back to the state's seats.
    const state = directory.states.get(place.state);
    if (state) districts = houseSeatsOf(state.code, state.houseSeats);
  }
  if (districts.length === 0) {
    throw invalid(`We could not find ZIP code ${zip}. Check it, or try the ZIP of a nearby address.`, { zip: "unknown_zip" });
  }

  let narrowedTo: ZipDistrict | null = null;
  const wanted = (Array.isArray(input.district) ? input.district : [input.district])
    .map(parseSeat)
    .filter((seat) => seat !== undefined)
    .filter((seat) => directory.states.has(seat.state) && isSeat(seat, directory.states.get(seat.state)!.houseSeats));
  if (wanted.length > 0) {
    districts = wanted.map((seat) => districts.find((d) => d.state === seat.state && d.district === seat.district) ?? seat);
    narrowedTo = districts.length === 1 ? districts[0]! : null;
  }
  return representativesFor(directory, campaign, { zip, city: place?.city ?? null, districts, narrowedTo });
}

/**
 * The senators of every state the districts are in, and each district's House seat. Shared by the
 * ZIP and the point look-ups, so both answer in the same shape.
 */
export function representativesFor(
  directory: CongressDirectory,
  campaign: Campaign,
  { zip, city, districts, narrowedTo }: { zip: string | null; city: string | null; districts: ZipDistrict[]; narrowedTo: ZipDistrict | null },
): Representatives {
  const stateCodes = [...new Set([...(narrowedTo ? [narrowedTo.state] : []), ...districts.map((d) => d.state)])];
  const stateList = stateCodes
    .map((code) => directory.states.get(code))
    .filter((s) => s !== undefined)
    .map((state) => ({
      code: state.code,
      name: state.name,
      type: state.type,
      senators: senateSeats(directory, campaign, state.code, state.senators),
    }));

  return {
    campaign,
    zip,
    city,
    states: stateList,
    districts,
    ambiguous: districts.length > 1,
    narrowedTo,
    house: districts.map((d) => houseSeat(directory, campaign, d)),
  };
}

export function isSeat(d: ZipDistrict, seats: number): boolean {
  return seats <= 1 ? d.district === 0 : d.district >= 1 && d.district <= seats;
}

function houseSeatsOf(state: string, seats: number): ZipDistrict[] {
  if (seats <= 1) return [{ state, district: 0 }];
  return Array.from({ length: seats }, (_, i) => ({ state, district: i + 1 }));
}

function houseSeat(directory: CongressDirectory, campaign: Campaign, d: ZipDistrict): Seat {
  const member = directory.houseBySeat.get(seatKey(d.state, d.district));
  if (member) return { kind: "member", member, stance: memberStance(directory, campaign, member) };
  return { kind: "vacant", chamber: "house", state: d.state, stateName: directory.states.get(d.state)?.name ?? d.state, district: d.district };
}

function senateSeats(directory: CongressDirectory, campaign: Campaign, state: string, seats: number): Seat[] {
  const sitting = directory.senatorsByState.get(state) ?? [];
  const result: Seat[] = sitting.map((member) => ({ kind: "member", member, stance: memberStance(directory, campaign, member) }));
  for (let i = sitting.length; i < seats; i++) {
    result.push({ kind: "vacant", chamber: "senate", state, stateName: directory.states.get(state)?.name ?? state, district: 0 });
  }
  return result;
}
