import { and, eq, isNotNull } from "drizzle-orm";
import { groupApplications, groupOrganizers, groups, people, states, subscriptions } from "../../db/schema/index.js";
import { cacheTags } from "../../db/read-cache.js";
import { isLocale, messagesFor } from "../../i18n/index.js";
import { renderMail } from "../../mail/templates.js";
import { withTransaction, type MailCtx } from "../context.js";
import { conflict, notFound } from "../errors.js";
import { enqueueMail, listUnsubscribeHeaders } from "../mail/enqueue-mail.js";
import { mailLinks } from "../updates/links.js";
import { waitlistFor } from "../updates/lists.js";
import { groupPath } from "./group-directory.js";

/**
 * National staff approve a founding application: the group goes live, the applicant becomes its
 * first organizer and is told, and everyone waiting for a group in that state hears about it.
 * (The admin screens that call this come with the admin issue.)
 */
export async function approveGroupApplication({
  ctx,
  input,
}: {
  ctx: MailCtx;
  input: { applicationId: number; note?: string };
}): Promise<{ groupId: number; waitlistNotified: number }> {
  const result = await withTransaction(ctx, (tx) => approveInTransaction(tx, input));
  await ctx.cache.invalidate(cacheTags.groups);
  return result;
}

/**
 * The approval's writes, in the caller's open transaction (the admin action adds its audit
 * line to the same one). The caller invalidates `cacheTags.groups` after commit: invalidating
 * inside a transaction would wait on the connection the transaction holds (PGlite has one).
 */
export async function approveInTransaction(tx: MailCtx, input: { applicationId: number; note?: string }): Promise<{ groupId: number; waitlistNotified: number }> {
  const [application] = await tx.db.select().from(groupApplications).where(eq(groupApplications.id, input.applicationId)).for("update");
  if (!application) throw notFound(`There is no founding application ${input.applicationId}.`);
  if (application.status !== "pending" && application.status !== "more_info_requested") throw conflict(`Application ${application.id} was already ${application.status}.`);
  const now = tx.now();
  await tx.db
    .update(groupApplications)
    .set({ status: "approved", decidedAt: now, decisionNote: input.note ?? null })
    .where(eq(groupApplications.id, application.id));
  const [group] = await tx.db
    .update(groups)
    .set({ status: "active", lastConfirmedAt: now, updatedAt: now })
    .where(eq(groups.id, application.groupId))
    .returning();
  if (!group) throw notFound(`The group of application ${application.id} is gone.`);
  await tx.db
    .insert(groupOrganizers)
    .values({ groupId: group.id, personId: application.applicantId, isFounder: true, createdAt: now })
    .onConflictDoNothing();

  const links = mailLinks(tx.mail);
  const groupUrl = `${tx.mail.publicUrl}${groupPath(group.state, group.slug)}`;
  const [stateRow] = await tx.db.select({ name: states.name }).from(states).where(eq(states.usps, group.state));
  const stateName = stateRow?.name ?? group.state;

  const [founder] = await tx.db.select().from(people).where(eq(people.id, application.applicantId));
  if (founder) {
    const t = messagesFor(isLocale(founder.locale) ? founder.locale : "en");
    await enqueueMail({
      ctx: tx,
      input: {
        idempotencyKey: `founding-approved:${application.id}`,
        personId: founder.id,
        to: { address: founder.email, name: founder.name },
        template: "founding-approved",
        ...renderMail(t, { template: "founding-approved", name: founder.name, groupName: group.name, groupUrl }),
      },
    });
  }

  const list = waitlistFor(group.state);
  const waiting = await tx.db
    .select({ id: people.id, name: people.name, email: people.email, locale: people.locale, linkVersion: people.linkVersion })
    .from(subscriptions)
    .innerJoin(people, eq(people.id, subscriptions.personId))
    .where(and(eq(subscriptions.list, list), eq(subscriptions.status, "active"), isNotNull(people.emailConfirmedAt)));
  for (const person of waiting) {
    const t = messagesFor(isLocale(person.locale) ? person.locale : "en");
    const unsubscribeUrl = links.unsubscribe(person.id, person.linkVersion, list);
    await enqueueMail({
      ctx: tx,
      input: {
        idempotencyKey: `group-formed:${group.id}:${person.id}`,
        personId: person.id,
        to: { address: person.email, name: person.name },
        template: "group-formed",
        headers: listUnsubscribeHeaders(unsubscribeUrl, tx.mail.unsubscribeMailbox),
        ...renderMail(
          t,
          { template: "group-formed", name: person.name, groupName: group.name, stateName, groupUrl },
          { listLabel: t.mail.listWaitlist(stateName), unsubscribeUrl, preferencesUrl: links.preferences(person.id, person.linkVersion) },
        ),
      },
    });
  }
  return { groupId: group.id, waitlistNotified: waiting.length };
}
