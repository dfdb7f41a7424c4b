import { eq } from "drizzle-orm";
import { people } from "../../db/schema/index.js";
import { isLocale, messagesFor } from "../../i18n/index.js";
import { renderMail } from "../../mail/templates.js";
import type { MailCtx } from "../context.js";
import { invalid } from "../errors.js";
import { enqueueMail } from "../mail/enqueue-mail.js";
import { emailKey } from "../people/find-or-create-person.js";
import { issueEmailToken } from "../people/issue-email-token.js";
import { validateEmail } from "../updates/validate-email.js";
import { loadActor } from "./actor.js";

export const SIGN_IN_LINK_MINUTES = 15;
/** Invitations wait longer: the person did not ask for them and may read mail tomorrow. */
export const INVITE_LINK_MINUTES = 3 * 24 * 60;

/**
 * E-mail a single-use sign-in link to a staff member or organizer. Anyone else gets no mail,
 * and the caller cannot tell the difference (no account enumeration): the surface shows the
 * same "check your e-mail" page either way.
 */
export async function requestSignInLink({ ctx, input }: { ctx: MailCtx; input: { email: string } }): Promise<void> {
  const problem = validateEmail(input.email);
  if (problem) throw invalid("Enter your e-mail address.", { email: problem });
  const [person] = await ctx.db.select({ id: people.id }).from(people).where(eq(people.emailKey, emailKey(input.email)));
  if (!person) return;
  const actor = await loadActor(ctx, person.id);
  if (!actor) return;
  await mailSignInLink(ctx, actor, SIGN_IN_LINK_MINUTES, (t, url) =>
    renderMail(t, { template: "sign-in", name: actor.name, signInUrl: url, expiresInMinutes: SIGN_IN_LINK_MINUTES }),
  );
}

/** Store a fresh sign-in token and queue the message that carries it. Returns nothing to show. */
export async function mailSignInLink(
  ctx: MailCtx,
  person: { personId: number; name: string; email: string; locale: string },
  minutes: number,
  render: (t: ReturnType<typeof messagesFor>, url: string) => { subject: string; text: string; html: string },
): Promise<void> {
  const { token, hash } = await issueEmailToken(ctx, { personId: person.personId, purpose: "sign_in", lifetimeMs: minutes * 60_000 });
  const t = messagesFor(isLocale(person.locale) ? person.locale : "en");
  const mail = render(t, `${ctx.mail.publicUrl}/sign-in/${token}`);
  await enqueueMail({
    ctx,
    input: { idempotencyKey: `sign-in:${hash}`, personId: person.personId, to: { address: person.email, name: person.name }, template: "sign-in", ...mail },
  });
}
