import { eq } from "drizzle-orm";
import { admins, people } from "../../db/schema/index.js";
import { withTransaction, type Ctx } from "../context.js";
import { invalid } from "../errors.js";
import { recordAuditEvent } from "../audit/record-audit-event.js";
import { emailKey, findOrCreatePerson } from "../people/find-or-create-person.js";
import { validateEmail } from "../updates/validate-email.js";

/**
 * Make someone national staff: `npm run admin:create` for the first one, admins for the rest.
 * Idempotent: an existing admin stays one.
 */
export async function createAdmin({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { email: string; name?: string | undefined; grantedBy?: number | null | undefined };
}): Promise<{ personId: number; created: boolean }> {
  const problem = validateEmail(input.email);
  if (problem) throw invalid("That is not an e-mail address.", { email: problem });
  return withTransaction(ctx, async (tx) => {
    // Without a name, keep the one we have; a new person is named after their address until they say.
    const [existing] = await tx.db.select({ id: people.id, name: people.name }).from(people).where(eq(people.emailKey, emailKey(input.email)));
    const name = input.name?.trim() || existing?.name || input.email.trim().split("@")[0]!;
    const person = await findOrCreatePerson({ ctx: tx, input: { email: input.email, name } });
    const inserted = await tx.db
      .insert(admins)
      .values({ personId: person.id, grantedAt: tx.now(), grantedBy: input.grantedBy ?? null })
      .onConflictDoNothing()
      .returning({ personId: admins.personId });
    if (inserted.length > 0) {
      await recordAuditEvent({ ctx: tx, input: { actorId: input.grantedBy ?? null, action: "admin.create", subject: `person:${person.id}` } });
    }
    return { personId: person.id, created: inserted.length > 0 };
  });
}
