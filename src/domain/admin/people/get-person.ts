import { and, asc, count, desc, eq, gt, sql } from "drizzle-orm";
import { toCount } from "../../../db/client.js";
import {
  admins,
  broadcasts,
  groupApplications,
  groupMemberships,
  groupOrganizers,
  groups,
  mailMessages,
  passwordCredentials,
  people,
  sessions,
  subscriptions,
} from "../../../db/schema/index.js";
import type { Actor } from "../../accounts/actor.js";
import { authorize } from "../../access/policy.js";
import type { Ctx } from "../../context.js";
import { notFound } from "../../errors.js";
import { groupPath } from "../../groups/group-directory.js";

/** How many of a person's latest messages the record shows. */
export const RECENT_MAIL = 20;

export interface PersonRecord {
  id: number;
  name: string;
  email: string;
  zip: string | null;
  state: string | null;
  phone: string | null;
  locale: string;
  emailConfirmedAt: Date | null;
  sourcePage: string | null;
  sourceCampaign: string | null;
  referralCode: string | null;
  createdAt: Date;
  updatedAt: Date;
  adminSince: Date | null;
  hasPassword: boolean;
  activeSessions: number;
  subscriptions: { list: string; status: string; sourcePage: string | null; createdAt: Date; confirmedAt: Date | null; unsubscribedAt: Date | null }[];
  memberships: { groupId: number; name: string; state: string; path: string; status: string; createdAt: Date; confirmedAt: Date | null }[];
  organizes: { groupId: number; name: string; state: string; path: string; isFounder: boolean; since: Date }[];
  applications: { groupId: number; groupName: string; state: string; status: string; createdAt: Date; decidedAt: Date | null }[];
  mail: { subject: string | null; template: string; status: string; createdAt: Date; sentAt: Date | null }[];
  mailTotal: number;
}

/** Everything we hold about one person, for staff (and for answering "what do you hold about me?"). */
export async function getPerson({ ctx, input }: { ctx: Ctx; input: { actor: Actor | undefined; id: number | string } }): Promise<PersonRecord> {
  authorize(input.actor, { to: "administer" });
  const id = Number(input.id);
  if (!Number.isSafeInteger(id) || id < 1 || id > 2_147_483_647) throw notFound("There is no such person.");
  const now = ctx.now();
  const [[person], [admin], [password], [sessionCount], subs, memberships, organizes, applications, mail, [mailCount]] = await Promise.all([
    ctx.db
      .select({
        id: people.id,
        name: people.name,
        email: people.email,
        zip: people.zip,
        state: people.state,
        phone: people.phone,
        locale: people.locale,
        emailConfirmedAt: people.emailConfirmedAt,
        sourcePage: people.sourcePage,
        sourceCampaign: people.sourceCampaign,
        referralCode: people.referralCode,
        createdAt: people.createdAt,
        updatedAt: people.updatedAt,
      })
      .from(people)
      .where(eq(people.id, id)),
    ctx.db.select({ grantedAt: admins.grantedAt }).from(admins).where(eq(admins.personId, id)),
    ctx.db.select({ personId: passwordCredentials.personId }).from(passwordCredentials).where(eq(passwordCredentials.personId, id)),
    ctx.db.select({ n: count() }).from(sessions).where(and(eq(sessions.personId, id), gt(sessions.expiresAt, now))),
    ctx.db
      .select({
        list: subscriptions.list,
        status: subscriptions.status,
        sourcePage: subscriptions.sourcePage,
        createdAt: subscriptions.createdAt,
        confirmedAt: subscriptions.confirmedAt,
        unsubscribedAt: subscriptions.unsubscribedAt,
      })
      .from(subscriptions)
      .where(eq(subscriptions.personId, id))
      .orderBy(asc(subscriptions.createdAt), asc(subscriptions.list)),
    ctx.db
      .select({
        groupId: groups.id,
        name: groups.name,
        state: groups.state,
        slug: groups.slug,
        status: groupMemberships.status,
        createdAt: groupMemberships.createdAt,
        confirmedAt: groupMemberships.confirmedAt,
      })
      .from(groupMemberships)
      .innerJoin(groups, eq(groups.id, groupMemberships.groupId))
      .where(eq(groupMemberships.personId, id))
      .orderBy(asc(groupMemberships.createdAt)),
    ctx.db
      .select({ groupId: groups.id, name: groups.name, state: groups.state, slug: groups.slug, isFounder: groupOrganizers.isFounder, since: groupOrganizers.createdAt })
      .from(groupOrganizers)
      .innerJoin(groups, eq(groups.id, groupOrganizers.groupId))
      .where(eq(groupOrganizers.personId, id))
      .orderBy(asc(groupOrganizers.createdAt)),
    ctx.db
      .select({
        groupId: groups.id,
        groupName: groups.name,
        state: groups.state,
        status: groupApplications.status,
        createdAt: groupApplications.createdAt,
        decidedAt: groupApplications.decidedAt,
      })
      .from(groupApplications)
      .innerJoin(groups, eq(groups.id, groupApplications.groupId))
      .where(eq(groupApplications.applicantId, id))
      .orderBy(asc(groupApplications.createdAt)),
    ctx.db
      .select({
        // Broadcast messages are rendered at send time, so their subject is the broadcast's.
        subject: sql<string | null>`coalesce(${mailMessages.subject}, ${broadcasts.subject})`,
        template: mailMessages.template,
        status: mailMessages.status,
        createdAt: mailMessages.createdAt,
        sentAt: mailMessages.sentAt,
      })
      .from(mailMessages)
      .leftJoin(broadcasts, eq(broadcasts.id, mailMessages.broadcastId))
      .where(eq(mailMessages.personId, id))
      .orderBy(desc(mailMessages.createdAt), desc(mailMessages.id))
      .limit(RECENT_MAIL),
    ctx.db.select({ n: count() }).from(mailMessages).where(eq(mailMessages.personId, id)),
  ]);
  if (!person) throw notFound("There is no such person.");
  return {
    ...person,
    adminSince: admin?.grantedAt ?? null,
    hasPassword: password !== undefined,
    activeSessions: toCount(sessionCount?.n ?? 0),
    subscriptions: subs,
    memberships: memberships.map((m) => ({
      groupId: m.groupId,
      name: m.name,
      state: m.state,
      path: groupPath(m.state, m.slug),
      status: m.status,
      createdAt: m.createdAt,
      confirmedAt: m.confirmedAt,
    })),
    organizes: organizes.map((o) => ({ groupId: o.groupId, name: o.name, state: o.state, path: groupPath(o.state, o.slug), isFounder: o.isFounder, since: o.since })),
    applications,
    mail,
    mailTotal: toCount(mailCount?.n ?? 0),
  };
}
