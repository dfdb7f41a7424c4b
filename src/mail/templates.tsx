import { raw } from "hono/html";
import type { Child } from "hono/jsx";
import type { Messages } from "../i18n/index.js";
import { renderMarkdown } from "../lib/markdown.js";

/**
 * Every e-mail the app sends, in one place: each template gives a subject, a plain-text part
 * and an HTML part from the same words (the person's language catalogue).
 */
export type MailContent =
  | { template: "confirm"; name: string; listLabel: string; confirmUrl: string; expiresInDays: number }
  | { template: "welcome"; name: string; groupsUrl: string }
  | { template: "group-join-confirm"; name: string; groupName: string; confirmUrl: string; expiresInDays: number }
  | { template: "new-member"; organizerName: string; groupName: string; memberName: string; memberZip: string; membersUrl: string }
  | { template: "founding-received"; name: string; groupName: string; stateName: string }
  | { template: "founding-approved"; name: string; groupName: string; groupUrl: string }
  | { template: "founding-rejected"; name: string; groupName: string; reason: string }
  | { template: "founding-more-info"; name: string; groupName: string; question: string; answerUrl: string }
  | { template: "group-formed"; name: string; groupName: string; stateName: string; groupUrl: string }
  | { template: "contact-relay"; groupName: string; senderName: string; message: string }
  | { template: "sign-in"; name: string; signInUrl: string; expiresInMinutes: number }
  | { template: "organizer-invite"; name: string; groupName: string; inviterName: string; signInUrl: string; expiresInMinutes: number };

/** The footer of every message sent to a list: why you get it, and one-click ways out. */
export interface ListFooter {
  listLabel: string;
  unsubscribeUrl: string;
  preferencesUrl: string;
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

interface Section {
  paragraphs: string[];
  button?: { label: string; url: string };
  after?: string[];
}

export function renderMail(t: Messages, content: MailContent, footer?: ListFooter): RenderedMail {
  const m = t.mail;
  const { subject, greetingName, section } = ((): { subject: string; greetingName?: string; section: Section } => {
    switch (content.template) {
      case "confirm":
        return {
          subject: m.confirmSubject,
          greetingName: content.name,
          section: {
            paragraphs: [m.confirmBody(content.listLabel)],
            button: { label: m.confirmButton, url: content.confirmUrl },
            after: [m.confirmExpiry(content.expiresInDays), m.confirmIgnore],
          },
        };
      case "welcome":
        return {
          subject: m.welcomeSubject,
          greetingName: content.name,
          section: { paragraphs: [m.welcomeBody, m.welcomeNext], button: { label: m.welcomeCta, url: content.groupsUrl } },
        };
      case "group-join-confirm":
        return {
          subject: m.groupJoinSubject(content.groupName),
          greetingName: content.name,
          section: {
            paragraphs: [m.groupJoinBody(content.groupName)],
            button: { label: m.groupJoinButton, url: content.confirmUrl },
            after: [m.confirmExpiry(content.expiresInDays), m.confirmIgnore],
          },
        };
      case "new-member":
        return {
          subject: m.newMemberSubject(content.groupName),
          greetingName: content.organizerName,
          section: {
            paragraphs: [m.newMemberBody(content.memberName, content.memberZip, content.groupName)],
            button: { label: m.newMemberCta, url: content.membersUrl },
          },
        };
      case "founding-received":
        return {
          subject: m.foundingReceivedSubject(content.groupName),
          greetingName: content.name,
          section: { paragraphs: [m.foundingReceivedBody(content.groupName, content.stateName)] },
        };
      case "founding-approved":
        return {
          subject: m.foundingApprovedSubject(content.groupName),
          greetingName: content.name,
          section: {
            paragraphs: [m.foundingApprovedBody(content.groupName)],
            button: { label: m.foundingApprovedCta, url: content.groupUrl },
          },
        };
      case "founding-rejected":
        return {
          subject: m.foundingRejectedSubject(content.groupName),
          greetingName: content.name,
          section: { paragraphs: [m.foundingRejectedBody(content.groupName), ...content.reason.split(/\n{2,}/)], after: [m.foundingRejectedAfter] },
        };
      case "founding-more-info":
        return {
          subject: m.foundingMoreInfoSubject(content.groupName),
          greetingName: content.name,
          section: {
            paragraphs: [m.foundingMoreInfoBody(content.groupName), ...content.question.split(/\n{2,}/)],
            button: { label: m.foundingMoreInfoButton, url: content.answerUrl },
            after: [m.foundingMoreInfoAfter],
          },
        };
      case "group-formed":
        return {
          subject: m.groupFormedSubject(content.groupName, content.stateName),
          greetingName: content.name,
          section: {
            paragraphs: [m.groupFormedBody(content.groupName, content.stateName)],
            button: { label: m.groupFormedCta, url: content.groupUrl },
          },
        };
      case "sign-in":
        return {
          subject: m.signInSubject,
          greetingName: content.name,
          section: {
            paragraphs: [m.signInBody],
            button: { label: m.signInButton, url: content.signInUrl },
            after: [m.signInExpiry(content.expiresInMinutes), m.signInIgnore],
          },
        };
      case "organizer-invite":
        return {
          subject: m.inviteSubject(content.groupName),
          greetingName: content.name,
          section: {
            paragraphs: [m.inviteBody(content.inviterName, content.groupName)],
            button: { label: m.signInButton, url: content.signInUrl },
            after: [m.signInExpiry(content.expiresInMinutes), m.inviteIgnore],
          },
        };
      case "contact-relay":
        return {
          subject: m.relaySubject(content.groupName),
          section: { paragraphs: [m.relayIntro(content.senderName, content.groupName), ...content.message.split(/\n{2,}/)] },
        };
    }
  })();

  const textParts = [
    ...(greetingName ? [m.greeting(greetingName)] : []),
    ...section.paragraphs,
    ...(section.button ? [`${section.button.label}:\n${section.button.url}`] : []),
    ...(section.after ?? []),
    m.signature,
    ...(footer ? [footerText(t, footer)] : []),
  ];
  const body = (
    <>
      {greetingName ? <p>{m.greeting(greetingName)}</p> : null}
      {section.paragraphs.map((p) => (
        <p>{p}</p>
      ))}
      {section.button ? <Button url={section.button.url} label={section.button.label} /> : null}
      {(section.after ?? []).map((p) => (
        <p style="color:#4a4a55;font-size:14px">{p}</p>
      ))}
      <p>{m.signature}</p>
    </>
  );
  return { subject, text: textParts.join("\n\n"), html: htmlDocument(subject, body, t, footer) };
}

/** A broadcast: the sender's Markdown, rendered safely, with the list footer. */
export function renderBroadcastMail(t: Messages, input: { subject: string; bodyMarkdown: string }, footer: ListFooter): RenderedMail {
  const rendered = renderMarkdown(input.bodyMarkdown);
  return {
    subject: input.subject,
    text: `${rendered.text}\n\n${footerText(t, footer)}`,
    html: htmlDocument(input.subject, raw(rendered.html), t, footer),
  };
}

function footerText(t: Messages, footer: ListFooter) {
  return [
    "--",
    t.mail.footerReason(footer.listLabel),
    `${t.mail.footerUnsubscribe}: ${footer.unsubscribeUrl}`,
    `${t.mail.footerPreferences}: ${footer.preferencesUrl}`,
  ].join("\n");
}

export function Button({ url, label }: { url: string; label: string }) {
  return (
    <p>
      <a
        href={url}
        style="display:inline-block;background:#0b5c4a;color:#ffffff;padding:12px 20px;border-radius:6px;text-decoration:none;font-weight:bold"
      >
        {label}
      </a>
    </p>
  );
}

// E-mail clients ignore <style> blocks and external CSS, so mail (unlike our pages) uses inline styles.
export function htmlDocument(subject: string, body: Child, t: Messages, footer?: ListFooter): string {
  const doc = (
    <html lang={t.meta.htmlLang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{subject}</title>
      </head>
      <body style="margin:0;padding:0;background:#f4f3ef">
        <div style="max-width:560px;margin:0 auto;padding:24px 16px;font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;font-size:16px;line-height:1.5;color:#1b1b1f;background:#ffffff">
          <p style="font-weight:bold;color:#0b5c4a;font-size:18px;margin-top:0">{t.meta.siteName}</p>
          {body}
          {footer ? (
            <div style="border-top:1px solid #d6d4cc;margin-top:24px;padding-top:12px;font-size:13px;color:#4a4a55">
              <p>{t.mail.footerReason(footer.listLabel)}</p>
              <p>
                <a href={footer.unsubscribeUrl} style="color:#0b5c4a">
                  {t.mail.footerUnsubscribe}
                </a>
                {" · "}
                <a href={footer.preferencesUrl} style="color:#0b5c4a">
                  {t.mail.footerPreferences}
                </a>
              </p>
            </div>
          ) : null}
        </div>
      </body>
    </html>
  );
  return `<!DOCTYPE html>${doc.toString()}`;
}
