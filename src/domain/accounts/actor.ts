import { eq } from "drizzle-orm";
import { admins, groupOrganizers, people } from "../../db/schema/index.js";
import type { Ctx } from "../context.js";

/** Who is signed in, and what they may act on. Built from the database on every request. */
export interface Actor {
  personId: number;
  name: string;
  email: string;
  locale: string;
  isAdmin: boolean;
  /** Ids of the groups this person organizes. */
  organizerOf: ReadonlySet<number>;
}

/** The actor for a person, or undefined when they are neither staff nor an organizer. */
export async function loadActor(ctx: Ctx, personId: number): Promise<Actor | undefined> {
  const [[person], adminRows, organizerRows] = await Promise.all([
    ctx.db.select({ id: people.id, name: people.name, email: people.email, locale: people.locale }).from(people).where(eq(people.id, personId)),
    ctx.db.select({ personId: admins.personId }).from(admins).where(eq(admins.personId, personId)),
    ctx.db.select({ groupId: groupOrganizers.groupId }).from(groupOrganizers).where(eq(groupOrganizers.personId, personId)),
  ]);
  if (!person) return undefined;
  const actor: Actor = {
    personId: person.id,
    name: person.name,
    email: person.email,
    locale: person.locale,
    isAdmin: adminRows.length > 0,
    organizerOf: new Set(organizerRows.map((r) => r.groupId)),
  };
  return actor.isAdmin || actor.organizerOf.size > 0 ? actor : undefined;
}
