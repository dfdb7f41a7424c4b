import type { EventFields } from "../../src/domain/events/event-fields.js";
import { randomBytes } from "node:crypto";
import { people, subscriptions } from "../../src/db/schema/index.js";
import type { Ctx } from "../../src/domain/context.js";

let counter = 0;
/** A unique e-mail address for this test run. */
export const uniqueEmail = (prefix = "person") => `${prefix}.${++counter}.${randomBytes(3).toString("hex")}@example.org`;

export interface SubscriberOptions {
  name?: string;
  email?: string;
  state?: string | null;
  zip?: string | null;
  locale?: string;
  /** Lists and their status; default: active on "national". */
  lists?: Record<string, "pending" | "active" | "unsubscribed">;
  confirmed?: boolean;
}

/** A person with subscriptions, written straight to the database (valid, unique data). */
export async function buildSubscriber(ctx: Ctx, options: SubscriberOptions = {}) {
  const email = options.email ?? uniqueEmail();
  const now = ctx.now();
  const [person] = await ctx.db
    .insert(people)
    .values({
      email,
      emailKey: email.toLowerCase(),
      name: options.name ?? `Supporter ${counter}`,
      zip: options.zip === undefined ? "55401" : options.zip,
      state: options.state === undefined ? "MN" : options.state,
      locale: options.locale ?? "en",
      emailConfirmedAt: options.confirmed === false ? null : now,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  const lists = options.lists ?? { national: "active" };
  for (const [list, status] of Object.entries(lists)) {
    await ctx.db.insert(subscriptions).values({ personId: person!.id, list, status, createdAt: now, confirmedAt: status === "active" ? now : null });
  }
  return person!;
}

/** The event form's fields for a valid in-person meeting in Minneapolis, as strings (EventFields). */
export const buildEventFields = (overrides: Partial<EventFields> = {}): EventFields => ({
  title: "Monthly meeting",
  kind: "meeting",
  description: "Plans for the *spring*.",
  startsLocal: "2026-12-03T19:00",
  endsLocal: "2026-12-03T21:00",
  timeZone: "America/Chicago",
  format: "in_person",
  venueName: "Central Library",
  address: "300 Nicollet Mall",
  city: "Minneapolis",
  state: "MN",
  zip: "55401",
  addressForAttendeesOnly: "",
  livestreamUrl: "",
  recordingUrl: "",
  notesUrl: "",
  slidesUrl: "",
  capacity: "",
  ...overrides,
});
