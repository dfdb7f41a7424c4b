import { admins, groupOrganizers } from "../../src/db/schema/index.js";
import { createSession } from "../../src/domain/accounts/sessions.js";
import type { Ctx } from "../../src/domain/context.js";
import { findOrCreatePerson } from "../../src/domain/people/find-or-create-person.js";
import { uniqueEmail } from "./factories.js";

export interface SignedIn {
  personId: number;
  email: string;
  /** A Cookie header value that carries the session, e.g. for app.request(). */
  cookie: string;
}

/**
 * A signed-in staff member or organizer for HTTP tests: a fresh person with the roles asked
 * for, and a real session (the same path as following a sign-in link).
 */
export async function signInAs(ctx: Ctx, roles: { admin?: boolean; organizerOf?: number[]; name?: string }): Promise<SignedIn> {
  const email = uniqueEmail(roles.admin ? "staff" : "organizer");
  const person = await findOrCreatePerson({ ctx, input: { email, name: roles.name ?? (roles.admin ? "Staff Member" : "Group Organizer") } });
  if (roles.admin) await ctx.db.insert(admins).values({ personId: person.id, grantedAt: ctx.now() });
  for (const groupId of roles.organizerOf ?? []) {
    await ctx.db.insert(groupOrganizers).values({ groupId, personId: person.id, createdAt: ctx.now() }).onConflictDoNothing();
  }
  const token = await createSession(ctx, person.id, "test");
  return { personId: person.id, email, cookie: `ei_session=${token}` };
}

/** Join cookies for one request: a session and a CSRF cookie, say. */
export const cookies = (...parts: string[]) => parts.filter(Boolean).join("; ");
