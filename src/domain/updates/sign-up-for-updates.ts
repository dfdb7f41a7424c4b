import { messagesFor, isLocale, type Locale } from "../../i18n/index.js";
import { renderMail } from "../../mail/templates.js";
import { withTransaction, type MailCtx } from "../context.js";
import { invalid, type FieldErrors } from "../errors.js";
import { findOrCreatePerson } from "../people/find-or-create-person.js";
import { validatePersonFields } from "../people/validate-person-fields.js";
import { lookupZip } from "../places/lookup-zip.js";
import { addPendingSubscription } from "./add-pending-subscription.js";
import { listLabels, type ListKey } from "./lists.js";
import { CONFIRM_LINK_DAYS, sendConfirmation } from "./send-confirmation.js";


export interface SignUpForUpdatesInput {
  name: string;
  email: string;
  zip: string;
  /** "national": every update. "state": only updates about the person's state. */
  scope: string;
  locale: string;
  sourcePage?: string;
  sourceCampaign?: string;
  referralCode?: string;
}

export type SignUpOutcome = { personId: number; sent: "confirmation" | "nothing" };

/**
 * Sign someone up for activism updates with double opt-in: the subscription stays pending, and
 * nothing but the confirmation is sent, until they click the link. Signing up again re-sends the
 * confirmation (at most once per two minutes) and never creates a second person or subscription.
 * Someone who unsubscribed must confirm again: anyone can type anyone's address into a form.
 */
export async function signUpForUpdates({ ctx, input }: { ctx: MailCtx; input: SignUpForUpdatesInput }): Promise<SignUpOutcome> {
  const fieldErrors: FieldErrors = {};
  const { name, zip } = validatePersonFields(input, fieldErrors);
  const scope = input.scope === "state" ? "state" : input.scope === "national" ? "national" : undefined;
  if (!scope) fieldErrors.scope = "invalid_choice";
  const place = zip ? await lookupZip({ ctx, input: { zip } }) : undefined;
  // ZIP areas miss PO-box-only ZIP codes, so an unknown ZIP is fine for national updates;
  // state updates need to know the state.
  if (zip && scope === "state" && !place) fieldErrors.zip = "unknown_zip";
  if (Object.keys(fieldErrors).length > 0) throw invalid("Please correct the marked fields.", fieldErrors);

  const locale: Locale = isLocale(input.locale) ? input.locale : "en";
  const list: ListKey = scope!;
  return withTransaction(ctx, async (tx) => {
    const person = await findOrCreatePerson({
      ctx: tx,
      input: {
        email: input.email,
        name,
        zip,
        state: place?.states[0],
        locale,
        sourcePage: input.sourcePage,
        sourceCampaign: input.sourceCampaign,
        referralCode: input.referralCode,
      },
    });
    const status = await addPendingSubscription(tx, person.id, list, input.sourcePage);
    if (status === "active") return { personId: person.id, sent: "nothing" } as const;

    const t = messagesFor(locale);
    const labels = await listLabels(tx, t, [list], person.state);
    const sent = await sendConfirmation(tx, person, "updates", (t, confirmUrl) =>
      renderMail(t, { template: "confirm", name: person.name, listLabel: labels.get(list)!, confirmUrl, expiresInDays: CONFIRM_LINK_DAYS }),
    );
    if (!sent) return { personId: person.id, sent: "nothing" } as const;
    return { personId: person.id, sent: "confirmation" } as const;
  });
}
