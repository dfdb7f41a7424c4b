import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import { groups } from "../../db/schema/index.js";
import { isLocale, messagesFor } from "../../i18n/index.js";
import { renderMail } from "../../mail/templates.js";
import { withTransaction, type MailCtx } from "../context.js";
import { invalid, unavailable, type FieldErrors } from "../errors.js";
import { enqueueMail } from "../mail/enqueue-mail.js";
import { requireText } from "../people/validate-person-fields.js";
import { validateEmail } from "../updates/validate-email.js";
import { getGroup } from "./get-group.js";
import { groupOrganizerAddresses } from "./group-organizer-addresses.js";

/**
 * "Contact the organizers": the message is relayed by e-mail to the group's organizers (or
 * the address the group publishes), with Reply-To set to the sender, so nobody's address is
 * ever shown on the page. Sending the same message twice in a row relays it once.
 */
export async function contactOrganizers({
  ctx,
  input,
}: {
  ctx: MailCtx;
  input: { state: string; slug: string; name: string; email: string; message: string };
}): Promise<{ relayedTo: number }> {
  const group = await getGroup({ ctx, input });
  const errors: FieldErrors = {};
  const name = requireText(input.name, "name", 100, errors);
  const emailProblem = validateEmail(input.email);
  if (emailProblem) errors.email = emailProblem;
  const message = requireText(input.message, "message", 5000, errors);
  if (Object.keys(errors).length > 0) throw invalid("Please correct the marked fields.", errors);

  const organizers = await groupOrganizerAddresses(ctx.db, group.id);
  const [row] = await ctx.db.select({ contact: groups.contact }).from(groups).where(eq(groups.id, group.id));
  const recipients = organizers.length
    ? organizers.map((o) => ({ address: o.email, name: o.name, locale: o.locale }))
    : row?.contact && !/^https?:\/\//i.test(row.contact)
      ? [{ address: row.contact, name: group.name, locale: "en" }]
      : [];
  if (recipients.length === 0) throw unavailable("This group has no organizer we can write to yet.");

  const digest = createHash("sha256").update(`${input.email.trim().toLowerCase()}\n${message}`).digest("hex").slice(0, 16);
  await withTransaction(ctx, async (tx) => {
    for (const recipient of recipients) {
      const t = messagesFor(isLocale(recipient.locale) ? recipient.locale : "en");
      const mail = renderMail(t, { template: "contact-relay", groupName: group.name, senderName: name, message });
      await enqueueMail({
        ctx: tx,
        input: {
          idempotencyKey: `relay:${group.id}:${recipient.address.toLowerCase()}:${digest}`,
          to: { address: recipient.address, name: recipient.name },
          template: "contact-relay",
          replyTo: input.email.trim(),
          ...mail,
        },
      });
    }
  });
  return { relayedTo: recipients.length };
}
