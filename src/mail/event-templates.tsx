import type { Locale, Messages } from "../i18n/index.js";
import { Button, htmlDocument, type RenderedMail } from "./templates.js";

export type EventMailKind = "going" | "waitlisted" | "promoted" | "changed" | "cancelled" | "day_before" | "hour_before";

export interface EventMailContent {
  kind: EventMailKind;
  name: string;
  title: string;
  when: string;
  /** Full place, address included (they are coming); empty for online events. */
  where: string;
  livestreamUrl: string | null;
  /** The attendee's own link to the event page (shows the address). */
  pageUrl: string;
  /** Cancel-RSVP page; none for a cancelled event. */
  cancelUrl: string | null;
  changes?: ("time" | "place" | "online_link")[];
  reason?: string | null;
}

/** Every e-mail to someone who RSVP'd: confirmation, waitlist, promotion, change, cancellation, reminders. */
export function renderEventMail(t: Messages, content: EventMailContent): RenderedMail {
  const m = t.events.mail;
  const title = content.title;
  const words = {
    going: [m.goingSubject(title), m.goingBody(title)],
    waitlisted: [m.waitlistedSubject(title), m.waitlistedBody(title)],
    promoted: [m.promotedSubject(title), m.promotedBody(title)],
    changed: [m.changedSubject(title), m.changedBody(title)],
    cancelled: [m.cancelledSubject(title), m.cancelledBody(title)],
    day_before: [m.dayBeforeSubject(title), m.dayBeforeBody(title)],
    hour_before: [m.hourBeforeSubject(title), m.hourBeforeBody(title)],
  }[content.kind] as [string, string];
  const [subject, lead] = words;
  const paragraphs = [lead, ...(content.changes ?? []).map((change) => m.changedWhat[change])];
  if (content.kind === "cancelled" && content.reason) paragraphs.push(m.cancelledReason(content.reason));
  const details: [string, string][] = [[m.when, content.when]];
  if (content.where) details.push([m.where, content.where]);
  const showStream = content.livestreamUrl && content.kind !== "cancelled" && content.kind !== "waitlisted";

  const text = [
    t.mail.greeting(content.name),
    ...paragraphs,
    details.map(([label, value]) => `${label}: ${value}`).join("\n"),
    ...(showStream ? [`${m.online}:\n${content.livestreamUrl}`] : []),
    `${m.eventPage}:\n${content.pageUrl}`,
    m.calendarNote,
    ...(content.cancelUrl ? [`${m.cancelLink}\n${content.cancelUrl}`] : []),
    t.mail.signature,
  ].join("\n\n");

  const body = (
    <>
      <p>{t.mail.greeting(content.name)}</p>
      {paragraphs.map((p) => (
        <p>{p}</p>
      ))}
      <table role="presentation" style="border-collapse:collapse;margin:8px 0 16px">
        {details.map(([label, value]) => (
          <tr>
            <th style="text-align:left;vertical-align:top;padding:4px 12px 4px 0">{label}</th>
            <td style="padding:4px 0">{value}</td>
          </tr>
        ))}
      </table>
      {showStream ? <Button url={content.livestreamUrl!} label={m.online} /> : null}
      <p>
        <a href={content.pageUrl} style="color:#0b5c4a">
          {m.eventPage}
        </a>
      </p>
      <p style="color:#4a4a55;font-size:14px">{m.calendarNote}</p>
      {content.cancelUrl ? (
        <p style="color:#4a4a55;font-size:14px">
          {m.cancelLink}{" "}
          <a href={content.cancelUrl} style="color:#0b5c4a">
            {content.cancelUrl}
          </a>
        </p>
      ) : null}
      <p>{t.mail.signature}</p>
    </>
  );
  return { subject, text, html: htmlDocument(subject, body, t) };
}
