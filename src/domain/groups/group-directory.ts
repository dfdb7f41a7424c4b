import { and, asc, count, eq } from "drizzle-orm";
import { groupMemberships, groups, states, type GroupKind, type GroupSocialLinks } from "../../db/schema/index.js";
import { cacheTags } from "../../db/read-cache.js";
import type { Ctx } from "../context.js";

/** A group as anyone may see it. Lists its fields one by one: no contact e-mail, no notes. */
export interface PublicGroup {
  id: number;
  slug: string;
  name: string;
  state: string;
  /** "Minnesota"; "United States" for national organizations. */
  stateName: string;
  city: string | null;
  kind: GroupKind;
  /** Path of the group's page, e.g. /groups/mn/twin-cities-m4a. */
  path: string;
  websiteUrl: string | null;
  /** A published contact page; e-mail contacts are reached through the relay form instead. */
  contactUrl: string | null;
  /** Whether the "contact the organizers" form has somewhere to deliver. */
  canBeContacted: boolean;
  socialLinks: GroupSocialLinks;
  description: string | null;
  meetingDetails: string | null;
  latitude: number | null;
  longitude: number | null;
  lastConfirmedAt: Date | null;
  sourceUrl: string | null;
  sourceAsOf: string | null;
  memberCount: number;
}

export interface StateEntry {
  code: string;
  name: string;
  type: string;
}

export interface GroupDirectory {
  states: StateEntry[];
  /** Active groups by state code; national organizations under "US". */
  groupsByState: Map<string, PublicGroup[]>;
  byPath: Map<string, PublicGroup>;
}

export const groupPath = (state: string, slug: string) => `/groups/${state.toLowerCase()}/${slug}`;

/**
 * Every active group and every state, loaded once and kept in memory until a group or the
 * public data changes (any process: see ReadCache). Directory pages, "near me" and the
 * coverage map all read from this.
 */
export function loadGroupDirectory(ctx: Ctx): Promise<GroupDirectory> {
  return ctx.cache.get(`${cacheTags.groups}:${cacheTags.publicData}:directory`, async () => {
    const [stateRows, groupRows, memberRows] = await Promise.all([
      ctx.db.select({ code: states.usps, name: states.name, type: states.type }).from(states).orderBy(asc(states.name)),
      ctx.db.select().from(groups).where(eq(groups.status, "active")).orderBy(asc(groups.name)),
      ctx.db
        .select({ groupId: groupMemberships.groupId, n: count() })
        .from(groupMemberships)
        .innerJoin(groups, and(eq(groups.id, groupMemberships.groupId), eq(groups.status, "active")))
        .where(eq(groupMemberships.status, "active"))
        .groupBy(groupMemberships.groupId),
    ]);
    const members = new Map(memberRows.map((r) => [r.groupId, r.n]));
    const stateNames = new Map(stateRows.map((s) => [s.code, s.name]));
    const groupsByState = new Map<string, PublicGroup[]>();
    const byPath = new Map<string, PublicGroup>();
    for (const row of groupRows) {
      const isEmail = row.contact !== null && !/^https?:\/\//i.test(row.contact);
      const group: PublicGroup = {
        id: row.id,
        slug: row.slug,
        name: row.name,
        state: row.state,
        stateName: stateNames.get(row.state) ?? (row.state === "US" ? "United States" : row.state),
        city: row.city,
        kind: row.kind,
        path: groupPath(row.state, row.slug),
        websiteUrl: row.websiteUrl,
        contactUrl: isEmail ? null : row.contact,
        canBeContacted: isEmail,
        socialLinks: row.socialLinks ?? {},
        description: row.description,
        meetingDetails: row.meetingDetails,
        latitude: row.latitude,
        longitude: row.longitude,
        lastConfirmedAt: row.lastConfirmedAt,
        sourceUrl: row.sourceUrl,
        sourceAsOf: row.sourceAsOf,
        memberCount: members.get(row.id) ?? 0,
      };
      const list = groupsByState.get(row.state) ?? [];
      list.push(group);
      groupsByState.set(row.state, list);
      byPath.set(group.path, group);
    }
    return { states: stateRows, groupsByState, byPath };
  });
}
