import { eq } from "drizzle-orm";
import { groups, type GroupSocialLinks } from "../../db/schema/index.js";
import { cacheTags } from "../../db/read-cache.js";
import type { Actor } from "../accounts/actor.js";
import { authorize } from "../access/policy.js";
import { recordAuditEvent } from "../audit/record-audit-event.js";
import { withTransaction, type Ctx } from "../context.js";
import { invalid, notFound, type FieldErrors } from "../errors.js";
import { locateGroups } from "../groups/locate-groups.js";

export const socialNetworks = ["facebook", "instagram", "x", "bluesky", "mastodon", "youtube"] as const;
export type SocialNetwork = (typeof socialNetworks)[number];

export interface UpdateGroupPageInput {
  actor: Actor | undefined;
  groupId: number;
  /** Markdown (rendered through src/lib/markdown.ts, which lets no HTML through). */
  description: string;
  meetingDetails: string;
  city: string;
  websiteUrl: string;
  /** Profile URLs by network; empty strings remove a link. */
  socialLinks: Partial<Record<SocialNetwork, string>>;
  /** "active" or "inactive"; ignored for a group still waiting for approval. */
  status: string;
}

const LIMITS = { description: 10_000, meetingDetails: 2_000, city: 80, url: 500 };

/** An absolute web address, or undefined. `httpsOnly` for links pages show only over https. */
export function parseWebUrl(value: string, httpsOnly: boolean): string | undefined {
  if (value.length > LIMITS.url || /\s/.test(value)) return undefined;
  try {
    const url = new URL(value);
    const allowed = httpsOnly ? url.protocol === "https:" : url.protocol === "https:" || url.protocol === "http:";
    if (!allowed || !url.hostname.includes(".") || url.username || url.password) return undefined;
    return url.toString();
  } catch {
    return undefined;
  }
}

/**
 * Save what a group's public page says about it. Every field is checked and refused one by one;
 * the directory (every process) shows the change at once. A pending group stays pending: only
 * national staff's approval lists it.
 */
export async function updateGroupPage({ ctx, input }: { ctx: Ctx; input: UpdateGroupPageInput }): Promise<void> {
  const { actor } = input;
  authorize(actor, { to: "manage-group", groupId: input.groupId });
  const [current] = await ctx.db.select().from(groups).where(eq(groups.id, input.groupId));
  if (!current) throw notFound(`There is no group ${input.groupId}.`);

  const errors: FieldErrors = {};
  const text = (value: string, field: string, max: number) => {
    const trimmed = value.replace(/\r\n?/g, "\n").trim();
    if (trimmed.length > max) errors[field] = "too_long";
    return trimmed || null;
  };
  const description = text(input.description, "description", LIMITS.description);
  const meetingDetails = text(input.meetingDetails, "meetingDetails", LIMITS.meetingDetails);
  const city = text(input.city, "city", LIMITS.city);
  if (!city) errors.city = "required";
  else if (/\n/.test(city)) errors.city = "invalid_choice";

  let websiteUrl: string | null = null;
  const website = input.websiteUrl.trim();
  if (website) {
    websiteUrl = parseWebUrl(website, false) ?? null;
    if (!websiteUrl) errors.websiteUrl = "invalid_url";
  }
  const socialLinks: GroupSocialLinks = {};
  for (const network of socialNetworks) {
    const value = (input.socialLinks[network] ?? "").trim();
    if (!value) continue;
    const url = parseWebUrl(value, true);
    if (url) socialLinks[network] = url;
    else errors[`social_${network}`] = "invalid_url";
  }

  let status = current.status;
  if (current.status !== "pending") {
    if (input.status === "active" || input.status === "inactive") status = input.status;
    else errors.status = "invalid_choice";
  }
  if (Object.keys(errors).length > 0) throw invalid("The group page has problems: see each field.", errors);

  const next = { description, meetingDetails, city, websiteUrl, socialLinks, status };
  const changed = (Object.keys(next) as (keyof typeof next)[]).filter(
    (key) => JSON.stringify(next[key] ?? null) !== JSON.stringify((key === "socialLinks" ? (current.socialLinks ?? {}) : current[key]) ?? null),
  );
  if (changed.length === 0) return;

  await withTransaction(ctx, async (tx) => {
    const cityChanged = changed.includes("city");
    await tx.db
      .update(groups)
      .set({ ...next, updatedAt: tx.now(), ...(cityChanged ? { latitude: null, longitude: null } : {}) })
      .where(eq(groups.id, current.id));
    // A new city: place the group at that city's centre (or nowhere, if we cannot find it).
    if (cityChanged) await locateGroups(tx.db);
    await recordAuditEvent({ ctx: tx, input: { actorId: actor.personId, action: "group.update", subject: `group:${current.id}`, detail: { changed } } });
  });
  await ctx.cache.invalidate(cacheTags.groups);
}
