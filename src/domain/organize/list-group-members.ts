import { and, desc, eq, inArray } from "drizzle-orm";
import { groupMemberships, groups, people, subscriptions } from "../../db/schema/index.js";
import type { Actor } from "../accounts/actor.js";
import { authorize, can } from "../access/policy.js";
import type { Ctx } from "../context.js";
import { notFound } from "../errors.js";
import { groupList } from "../updates/lists.js";

/** Where someone stands on one list: "none" when they never signed up for it. */
export type OptIn = "active" | "pending" | "unsubscribed" | "none";

export interface GroupMember {
  name: string;
  /** Only for those allowed to see members' addresses (national staff); organizers write through the app. */
  email?: string;
  zip: string | null;
  phone: string | null;
  status: "pending" | "active" | "left";
  /** When they confirmed (or, while pending, when they asked to join). */
  joinedAt: Date;
  optIns: { group: OptIn; state: OptIn; national: OptIn };
}

export interface GroupMembers {
  group: { id: number; name: string; slug: string; state: string };
  /** Whether `members` carry e-mail addresses. */
  includesEmail: boolean;
  members: GroupMember[];
}

/** Who joined a group, newest first, with what they agreed to hear about. Organizers of that group and staff only. */
export async function listGroupMembers({ ctx, input }: { ctx: Ctx; input: { actor: Actor | undefined; groupId: number } }): Promise<GroupMembers> {
  const { actor, groupId } = input;
  authorize(actor, { to: "see-group-members", groupId });
  const [group] = await ctx.db.select({ id: groups.id, name: groups.name, slug: groups.slug, state: groups.state }).from(groups).where(eq(groups.id, groupId));
  if (!group) throw notFound(`There is no group ${groupId}.`);
  const includesEmail = can(actor, { to: "see-member-emails", groupId });
  const lists = [groupList(groupId), "state", "national"];
  const [rows, subs] = await Promise.all([
    ctx.db
      .select({
        personId: people.id,
        name: people.name,
        email: people.email,
        zip: people.zip,
        phone: people.phone,
        status: groupMemberships.status,
        createdAt: groupMemberships.createdAt,
        confirmedAt: groupMemberships.confirmedAt,
      })
      .from(groupMemberships)
      .innerJoin(people, eq(people.id, groupMemberships.personId))
      .where(eq(groupMemberships.groupId, groupId))
      .orderBy(desc(groupMemberships.createdAt), desc(people.id)),
    ctx.db
      .select({ personId: subscriptions.personId, list: subscriptions.list, status: subscriptions.status })
      .from(subscriptions)
      .innerJoin(groupMemberships, and(eq(groupMemberships.personId, subscriptions.personId), eq(groupMemberships.groupId, groupId)))
      .where(inArray(subscriptions.list, lists)),
  ]);
  const optIn = new Map(subs.map((s) => [`${s.personId}|${s.list}`, s.status]));
  const of = (personId: number, list: string): OptIn => optIn.get(`${personId}|${list}`) ?? "none";
  return {
    group,
    includesEmail,
    members: rows.map((row) => ({
      name: row.name,
      ...(includesEmail ? { email: row.email } : {}),
      zip: row.zip,
      phone: row.phone,
      status: row.status,
      joinedAt: row.confirmedAt ?? row.createdAt,
      optIns: { group: of(row.personId, groupList(groupId)), state: of(row.personId, "state"), national: of(row.personId, "national") },
    })),
  };
}
