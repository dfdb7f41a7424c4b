import type { CampaignBill } from "../../domain/campaigns/get-campaign-overview.js";
import type { Campaign } from "../../domain/campaigns/campaign-catalogue.js";
import type { BillCosponsors } from "../../domain/congress/get-bill-cosponsors.js";
import type { Coverage } from "../../domain/groups/get-coverage.js";
import type { PublicGroup, StateEntry } from "../../domain/groups/group-directory.js";
import { formatDate } from "../format.js";
import { mapLevel } from "../maps/index.js";
import type { View } from "../view.js";
import type { CardContent, PreviewCard } from "./card.js";

/**
 * One builder per kind of page: the words and numbers its preview image shows, from the same
 * data the page shows. Pages call these to put the image's URL (with its fingerprint) in their
 * meta tags; /og/* routes call them to draw it, so both always agree.
 */

type Words = Pick<View, "t" | "locale" | "absoluteUrl">;

const frame = (view: Words) => ({ siteName: view.t.meta.siteName, host: new URL(view.absoluteUrl("/")).host, locale: view.locale });
const fmt = (view: Words, n: number) => n.toLocaleString(view.locale === "es" ? "es-US" : "en-US");

/** Pages with nothing more specific to show: the site's name and what it is for. */
export function siteCard(view: Words): PreviewCard {
  const content: CardContent = { ...frame(view), layout: "headline", headline: view.t.meta.tagline, detail: view.t.home.lead };
  return { path: "/og/site.png", alt: view.t.previews.siteAlt, content };
}

/** The home page and the directory: the coverage map and "N of 50 states have a local group". */
export function homeCard(view: Words, coverage: Coverage): PreviewCard {
  const t = view.t.previews;
  const levels: Record<string, 0 | 1 | 2 | 3> = {};
  for (const state of coverage.states) levels[state.code] = mapLevel(state.groups);
  const content: CardContent = {
    ...frame(view),
    layout: "map",
    headline: t.homeHeadline(coverage.covered, coverage.total),
    detail: t.homeDetail,
    levels,
  };
  return { path: "/og/home.png", alt: t.homeAlt(coverage.covered, coverage.total), content };
}

/** A state: "Join the single-payer movement in Ohio" and its number of groups, or an invitation to start the first. */
export function stateCard(view: Words, state: Pick<StateEntry, "code" | "name">, groupCount: number): PreviewCard {
  const t = view.t.previews;
  const path = `/og/groups/${state.code.toLowerCase()}.png`;
  if (groupCount === 0) {
    const headline = t.stateEmptyHeadline(state.name);
    return { path, alt: headline, content: { ...frame(view), layout: "headline", eyebrow: state.name, headline, detail: t.stateEmptyDetail } };
  }
  const content: CardContent = {
    ...frame(view),
    layout: "headline",
    eyebrow: state.name,
    headline: t.stateHeadline(state.name),
    stats: [{ value: fmt(view, groupCount), label: t.stateGroupsLabel(groupCount, state.name) }],
  };
  return { path, alt: t.stateAlt(state.name, groupCount), content };
}

/** "Columbus, Ohio", or "Works across Ohio" for a group with no city. */
export function groupPlace(view: Words, group: Pick<PublicGroup, "city" | "stateName">): string {
  return group.city ? view.t.previews.groupPlace(group.city, group.stateName) : view.t.groups.statewide(group.stateName);
}

/** A group: its name and where it is. */
export function groupCard(view: Words, group: PublicGroup): PreviewCard {
  const t = view.t.previews;
  const place = groupPlace(view, group);
  const content: CardContent = { ...frame(view), layout: "headline", eyebrow: view.t.groups.kinds[group.kind], headline: group.name, detail: place };
  return { path: `/og${group.path}.png`, alt: t.groupAlt(group.name, place), content };
}

/** A campaign: its title and the cosponsor counts of its House and Senate bills. */
export function campaignCard(view: Words, campaign: Campaign, bills: CampaignBill[]): PreviewCard {
  const t = view.t.previews;
  const title = campaign.words(view.locale).title;
  const house = bills.find((b) => b.chamber === "house");
  const senate = bills.find((b) => b.chamber === "senate");
  const stats = [
    ...(house ? [{ value: fmt(view, house.cosponsors), label: t.houseCosponsors(house.number) }] : []),
    ...(senate ? [{ value: fmt(view, senate.cosponsors), label: t.senateCosponsors(senate.number) }] : []),
  ];
  const content: CardContent = { ...frame(view), layout: "headline", eyebrow: t.campaignEyebrow, headline: title, stats };
  return { path: `/og${campaign.path}.png`, alt: t.campaignAlt(title, house?.cosponsors ?? 0, senate?.cosponsors ?? 0), content };
}

/** A bill's cosponsor page: the bill and its number of current cosponsors. */
export function billCard(view: Words, data: Pick<BillCosponsors, "bill" | "knownCount">): PreviewCard {
  const t = view.t.previews;
  const { bill } = data;
  const content: CardContent = {
    ...frame(view),
    layout: "headline",
    eyebrow: t.billEyebrow(bill.number, bill.congress),
    headline: bill.title,
    ...(bill.asOf ? { detail: t.billAsOf(formatDate(view.locale, bill.asOf)) } : {}),
    stats: [{ value: fmt(view, data.knownCount), label: t.billCosponsors(data.knownCount) }],
  };
  return { path: `/og${bill.path}.png`, alt: t.billAlt(bill.number, bill.title, data.knownCount), content };
}
