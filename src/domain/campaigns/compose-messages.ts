import type { CampaignWords } from "../../db/schema/index.js";
import type { CongressMember } from "../congress/congress-directory.js";
import { fillTemplate, type TemplateValues } from "./fill-template.js";
import type { MemberStance } from "./member-stance.js";

export interface ComposeMessagesInput {
  words: CampaignWords;
  member: CongressMember;
  stance: MemberStance;
  /** The member's title in the page's language, e.g. "Senator", "Senador/a". */
  title: string;
  callerName: string;
  callerPlace: string;
}

export interface ComposedMessages {
  /** Which variant was used: thank-you for (co)sponsors, the ask for everyone else. */
  variant: "cosponsor" | "notCosponsor";
  callScript: string;
  letterSubject: string;
  letterBody: string;
  /** The post, with the member's handle on each network when they have one there. */
  post: { x: string; bluesky: string; mastodon: string };
}

/**
 * The call script, letter and posts for one member and one caller. A member who withdrew or
 * whose position we cannot confirm gets the ask, never a thank-you they have not earned.
 */
export function composeMessages(input: ComposeMessagesInput): ComposedMessages {
  const { words, member, stance } = input;
  const variant = stance.status === "sponsor" || stance.status === "cosponsor" ? "cosponsor" : "notCosponsor";
  const plainName = `${input.title} ${member.lastName}`;
  const values = (handle: string | null): TemplateValues => ({
    callerName: input.callerName,
    callerPlace: input.callerPlace,
    memberTitle: input.title,
    memberTitleLower: input.title.toLocaleLowerCase(),
    memberName: member.name,
    memberLastName: member.lastName,
    memberHandle: handle ?? plainName,
    bill: stance.bill?.number ?? "",
  });
  const fill = (template: string, handle: string | null = null) => fillTemplate(template, values(handle)).trim();
  const letter = fill(words.letter[variant]);
  const [subject = "", ...body] = letter.split("\n");
  return {
    variant,
    callScript: fill(words.callScript[variant]),
    letterSubject: subject.trim(),
    letterBody: body.join("\n").trim(),
    post: {
      x: fill(words.post[variant], member.twitter ? `@${member.twitter}` : null),
      bluesky: fill(words.post[variant], member.bluesky ? `@${member.bluesky}` : null),
      mastodon: fill(words.post[variant], mastodonHandle(member.mastodon)),
    },
  };
}

/** congress-legislators gives Mastodon accounts as "user@instance" or a profile URL. */
function mastodonHandle(value: string | null): string | null {
  if (!value) return null;
  const url = /^https?:\/\/([^/]+)\/@([^/?#]+)/.exec(value);
  if (url) return `@${url[2]}@${url[1]}`;
  return value.startsWith("@") ? value : `@${value}`;
}
