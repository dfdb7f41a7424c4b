import { sql } from "drizzle-orm";
import { z } from "zod";
import { people } from "../../db/schema/index.js";
import type { Ctx } from "../context.js";

export const emailKey = (email: string) => email.trim().toLowerCase();

export const PersonInput = z.object({
  email: z.string(),
  name: z.string(),
  zip: z.string().optional(),
  state: z.string().optional(),
  phone: z.string().optional(),
  locale: z.string().default("en"),
  sourcePage: z.string().optional(),
  sourceCampaign: z.string().optional(),
  referralCode: z.string().optional(),
});
export type PersonInput = z.input<typeof PersonInput>;

export interface PersonRecord {
  id: number;
  email: string;
  name: string;
  zip: string | null;
  state: string | null;
  locale: string;
  emailConfirmedAt: Date | null;
  linkVersion: number;
}

/**
 * The one way a form turns into a person: the same e-mail (any case, any spaces) is always the
 * same record. Newer name, ZIP and phone replace older ones; where someone first came from is
 * kept. Safe under concurrent submissions (one INSERT … ON CONFLICT).
 */
export async function findOrCreatePerson({ ctx, input }: { ctx: Ctx; input: PersonInput }): Promise<PersonRecord> {
  const p = PersonInput.parse(input);
  const now = ctx.now();
  const [row] = await ctx.db
    .insert(people)
    .values({
      email: p.email.trim(),
      emailKey: emailKey(p.email),
      name: p.name.trim(),
      zip: p.zip ?? null,
      state: p.state ?? null,
      phone: p.phone ?? null,
      locale: p.locale,
      sourcePage: p.sourcePage ?? null,
      sourceCampaign: p.sourceCampaign ?? null,
      referralCode: p.referralCode ?? null,
      createdAt: now,
      updatedAt: now,
    })
    .onConflictDoUpdate({
      target: people.emailKey,
      set: {
        name: sql`excluded.name`,
        zip: sql`coalesce(excluded.zip, ${people.zip})`,
        state: sql`coalesce(excluded.state, ${people.state})`,
        phone: sql`coalesce(excluded.phone, ${people.phone})`,
        locale: sql`excluded.locale`,
        updatedAt: now,
      },
    })
    .returning({
      id: people.id,
      email: people.email,
      name: people.name,
      zip: people.zip,
      state: people.state,
      locale: people.locale,
      emailConfirmedAt: people.emailConfirmedAt,
      linkVersion: people.linkVersion,
    });
  if (!row) throw new Error("upsert returned no row");
  return row;
}
