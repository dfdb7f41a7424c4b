import { eq } from "drizzle-orm";
import { states } from "../../db/schema/index.js";
import { isLocale, type Locale } from "../../i18n/index.js";
import { renderMail } from "../../mail/templates.js";
import { withTransaction, type MailCtx } from "../context.js";
import { invalid, notFound, type FieldErrors } from "../errors.js";
import { findOrCreatePerson } from "../people/find-or-create-person.js";
import { validatePersonFields } from "../people/validate-person-fields.js";
import { addPendingSubscription } from "../updates/add-pending-subscription.js";
import { waitlistFor } from "../updates/lists.js";
import { CONFIRM_LINK_DAYS, sendConfirmation } from "../updates/send-confirmation.js";

/**
 * "Tell me when a group forms in my state": a pending subscription to the state's waitlist,
 * confirmed by e-mail like every other list. When a founding application there is approved,
 * everyone on the list hears about it.
 */
export async function waitForGroup({
  ctx,
  input,
}: {
  ctx: MailCtx;
  input: { state: string; name: string; email: string; zip: string; locale: string };
}): Promise<{ personId: number }> {
  const code = input.state.toUpperCase();
  const [state] = await ctx.db.select().from(states).where(eq(states.usps, code));
  if (!state) throw notFound(`There is no state with the code ${input.state}.`);
  const errors: FieldErrors = {};
  const { name, zip } = validatePersonFields(input, errors);
  if (Object.keys(errors).length > 0) throw invalid("Please correct the marked fields.", errors);
  const locale: Locale = isLocale(input.locale) ? input.locale : "en";
  const list = waitlistFor(code);

  return withTransaction(ctx, async (tx) => {
    const person = await findOrCreatePerson({ ctx: tx, input: { email: input.email, name, zip, state: code, locale, sourcePage: `/groups/${code.toLowerCase()}` } });
    const status = await addPendingSubscription(tx, person.id, list, `/groups/${code.toLowerCase()}`);
    if (status !== "active") {
      await sendConfirmation(tx, person, list, (t, confirmUrl) => {
        return renderMail(t, { template: "confirm", name: person.name, listLabel: t.mail.listWaitlist(state.name), confirmUrl, expiresInDays: CONFIRM_LINK_DAYS });
      });
    }
    return { personId: person.id };
  });
}

