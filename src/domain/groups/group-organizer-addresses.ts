import { eq } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { groupOrganizers, people } from "../../db/schema/index.js";

/** The organizers of a group with the address and language to write to them in. Never shown to the public. */
export async function groupOrganizerAddresses(db: Db, groupId: number) {
  return db
    .select({ personId: people.id, name: people.name, email: people.email, locale: people.locale })
    .from(groupOrganizers)
    .innerJoin(people, eq(people.id, groupOrganizers.personId))
    .where(eq(groupOrganizers.groupId, groupId));
}
