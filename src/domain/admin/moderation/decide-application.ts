import { eq } from "drizzle-orm";
import { groupApplications, groups, people } from "../../../db/schema/index.js";
import { isLocale, messagesFor } from "../../../i18n/index.js";
import type { MailContent } from "../../../mail/templates.js";
import { renderMail } from "../../../mail/templates.js";
import type { MailCtx } from "../../context.js";
import { conflict, notFound } from "../../errors.js";
import { enqueueMail } from "../../mail/enqueue-mail.js";
import { isOpen } from "./application-summary.js";

/** The application (locked for this transaction), its group and applicant; only open ones may be decided. */
export async function lockOpenApplication(tx: MailCtx, applicationId: number) {
  const [application] = await tx.db.select().from(groupApplications).where(eq(groupApplications.id, applicationId)).for("update");
  if (!application) throw notFound(`There is no founding application ${applicationId}.`);
  if (!isOpen(application.status)) throw conflict(`Application ${application.id} was already ${application.status}.`);
  const [group] = await tx.db.select({ id: groups.id, name: groups.name, status: groups.status }).from(groups).where(eq(groups.id, application.groupId));
  const [applicant] = await tx.db
    .select({ id: people.id, name: people.name, email: people.email, locale: people.locale })
    .from(people)
    .where(eq(people.id, application.applicantId));
  if (!group || !applicant) throw notFound(`The group or applicant of application ${application.id} is gone.`);
  return { application, group, applicant };
}

/** Queue a message to the applicant in their language. */
export async function mailApplicant(
  tx: MailCtx,
  applicant: { id: number; name: string; email: string; locale: string },
  idempotencyKey: string,
  content: MailContent,
) {
  const t = messagesFor(isLocale(applicant.locale) ? applicant.locale : "en");
  await enqueueMail({
    ctx: tx,
    input: { idempotencyKey, personId: applicant.id, to: { address: applicant.email, name: applicant.name }, template: content.template, ...renderMail(t, content) },
  });
}
