import type { CampaignWords } from "../../../db/schema/index.js";
import type { Actor } from "../../accounts/actor.js";
import { authorize } from "../../access/policy.js";
import { campaignPath, type Campaign } from "../../campaigns/campaign-catalogue.js";
import { composeMessages, type ComposedMessages } from "../../campaigns/compose-messages.js";
import { memberStance, type MemberStance } from "../../campaigns/member-stance.js";
import { loadCongressDirectory, type BillWithRoll, type CongressMember, type MemberTitle } from "../../congress/congress-directory.js";
import type { Ctx } from "../../context.js";

/** The caller every preview is written for. */
export const sampleCaller = { name: "Alex Rivera", place: "Minneapolis, MN 55401" } as const;

export interface PreviewSample {
  member: { name: string; title: string; party: string; state: string; district: number | null; chamber: "house" | "senate" };
  stance: MemberStance["status"];
  messages: ComposedMessages;
}

export interface CampaignPreview {
  /** The bill the samples were picked on; null when the campaign has none we know. */
  bill: { id: string; number: string } | null;
  /** A sitting sponsor or cosponsor: the thank-you. Null without a bill or a sitting cosponsor. */
  cosponsor: PreviewSample | null;
  /** A sitting member not on the roll: the ask. */
  notCosponsor: PreviewSample | null;
}

export interface PreviewCampaignInput {
  actor: Actor | undefined;
  houseBillId: string;
  senateBillId: string;
  /** The words to render, in one language (unsaved: straight from the form). */
  words: CampaignWords;
  /** Members' titles in that language, e.g. the act catalogue's `titles`. */
  titles: Record<MemberTitle, string>;
}

/**
 * The call script, letter and post as two real members would get them: one who is on the
 * bill and one who is not, from the in-memory congress directory, for a sample caller.
 * Nothing is saved.
 */
export async function previewCampaign({ ctx, input }: { ctx: Ctx; input: PreviewCampaignInput }): Promise<CampaignPreview> {
  authorize(input.actor, { to: "administer" });
  const directory = await loadCongressDirectory(ctx);
  const campaign: Campaign = {
    slug: "preview",
    path: campaignPath("preview"),
    houseBillId: input.houseBillId || null,
    senateBillId: input.senateBillId || null,
    isActive: false,
    words: () => input.words,
  };
  const bill = [campaign.houseBillId, campaign.senateBillId].map((id) => (id ? directory.bills.get(id) : undefined)).find((b) => b !== undefined);
  const sitting = [...directory.members.values()];

  const sample = (member: CongressMember | undefined): PreviewSample | null => {
    if (!member) return null;
    const stance = memberStance(directory, campaign, member);
    const title = input.titles[member.title];
    return {
      member: { name: member.name, title, party: member.party, state: member.state, district: member.district, chamber: member.chamber },
      stance: stance.status,
      messages: composeMessages({ words: input.words, member, stance, title, callerName: sampleCaller.name, callerPlace: sampleCaller.place }),
    };
  };

  if (!bill) return { bill: null, cosponsor: null, notCosponsor: sample(sitting.find((m) => m.chamber === "house")) };
  return {
    bill: { id: bill.id, number: bill.number },
    cosponsor: sample(supporter(bill, directory.members)),
    notCosponsor: sample(sitting.find((m) => m.chamber === bill.chamber && !bill.roll.has(m.bioguideId))),
  };
}

/** The sponsor if they still sit, else the first current cosponsor who does. */
function supporter(bill: BillWithRoll, members: Map<string, CongressMember>): CongressMember | undefined {
  const sponsor = members.get(bill.sponsorBioguideId);
  if (sponsor) return sponsor;
  for (const row of bill.roll.values()) {
    const member = members.get(row.bioguideId);
    if (row.role === "cosponsor" && !row.withdrawnOn && member) return member;
  }
  return undefined;
}
