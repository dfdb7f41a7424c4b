import { and, eq, ne, sql } from "drizzle-orm";
import { people, subscriptions } from "../../db/schema/index.js";
import type { Messages } from "../../i18n/index.js";
import { withTransaction, type Ctx } from "../context.js";
import { readManageToken } from "./links.js";
import { isListKey, listLabels } from "./lists.js";

export interface ManagedPerson {
  id: number;
  name: string;
  state: string | null;
  locale: string;
}

export interface ListChoice {
  list: string;
  label: string;
  subscribed: boolean;
}

type Settings = { secretKey: string };

/** The person an unsubscribe/preferences link belongs to, or undefined for a forged or revoked link. */
export async function personForManageToken(ctx: Ctx, settings: Settings, token: string): Promise<ManagedPerson | undefined> {
  const claims = readManageToken(settings.secretKey, token);
  if (!claims) return undefined;
  const [person] = await ctx.db
    .select({ id: people.id, name: people.name, state: people.state, locale: people.locale, linkVersion: people.linkVersion })
    .from(people)
    .where(eq(people.id, claims.personId));
  if (!person || person.linkVersion !== claims.linkVersion) return undefined;
  return { id: person.id, name: person.name, state: person.state, locale: person.locale };
}

/**
 * Unsubscribe at once (the one-click POST from a mail app, or our page's button): from `list`
 * when given, otherwise from everything. Repeating it is harmless.
 */
export async function unsubscribe({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { token: string; list?: string; settings: Settings };
}): Promise<{ outcome: "unsubscribed"; person: ManagedPerson; lists: string[] } | { outcome: "invalid" }> {
  const person = await personForManageToken(ctx, input.settings, input.token);
  if (!person) return { outcome: "invalid" };
  const now = ctx.now();
  const onlyList = input.list && isListKey(input.list) ? input.list : undefined;
  const changed = await ctx.db
    .update(subscriptions)
    .set({ status: "unsubscribed", unsubscribedAt: now })
    .where(
      and(
        eq(subscriptions.personId, person.id),
        ne(subscriptions.status, "unsubscribed"),
        ...(onlyList ? [eq(subscriptions.list, onlyList)] : []),
      ),
    )
    .returning({ list: subscriptions.list });
  return { outcome: "unsubscribed", person, lists: changed.map((c) => c.list) };
}

/** The lists a person can choose on the preferences page: national, their state, and their groups. */
export async function getPreferences({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { token: string; settings: Settings; t: Messages };
}): Promise<{ person: ManagedPerson; choices: ListChoice[] } | undefined> {
  const person = await personForManageToken(ctx, input.settings, input.token);
  if (!person) return undefined;
  const rows = await ctx.db
    .select({ list: subscriptions.list, status: subscriptions.status })
    .from(subscriptions)
    .where(eq(subscriptions.personId, person.id));
  const status = new Map(rows.map((r) => [r.list, r.status]));
  const lists = ["national", ...(person.state ? ["state"] : []), ...rows.map((r) => r.list).filter((l) => l.startsWith("group:")).sort()];
  const labels = await listLabels(ctx, input.t, lists, person.state);
  return {
    person,
    choices: lists.map((list) => ({ list, label: labels.get(list)!, subscribed: status.get(list) === "active" })),
  };
}

/**
 * Save the preferences page. Holding the link proves the address is theirs (it came by e-mail),
 * so a list chosen here becomes active without another confirmation.
 */
export async function updatePreferences({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { token: string; settings: Settings; t: Messages; subscribeTo: string[] };
}): Promise<{ outcome: "saved"; choices: ListChoice[] } | { outcome: "invalid" }> {
  const current = await getPreferences({ ctx, input });
  if (!current) return { outcome: "invalid" };
  const wanted = new Set(input.subscribeTo);
  const now = ctx.now();
  await withTransaction(ctx, async (tx) => {
    for (const choice of current.choices) {
      const subscribe = wanted.has(choice.list);
      if (subscribe === choice.subscribed) continue;
      await tx.db
        .insert(subscriptions)
        .values({
          personId: current.person.id,
          list: choice.list,
          status: subscribe ? "active" : "unsubscribed",
          createdAt: now,
          confirmedAt: subscribe ? now : null,
          unsubscribedAt: subscribe ? null : now,
        })
        .onConflictDoUpdate({
          target: [subscriptions.personId, subscriptions.list],
          set: subscribe ? { status: "active", confirmedAt: now, unsubscribedAt: null } : { status: "unsubscribed", unsubscribedAt: now },
        });
    }
    await tx.db
      .update(people)
      .set({ emailConfirmedAt: sql`coalesce(${people.emailConfirmedAt}, ${now})` })
      .where(eq(people.id, current.person.id));
  });
  return {
    outcome: "saved",
    choices: current.choices.map((c) => ({ ...c, subscribed: wanted.has(c.list) })),
  };
}
