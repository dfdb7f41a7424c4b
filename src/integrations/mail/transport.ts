/** One e-mail, ready for the wire. */
export interface OutgoingMail {
  from: string;
  to: { name?: string | null; address: string };
  replyTo?: string | null;
  subject: string;
  text: string;
  html: string;
  /** Extra headers such as List-Unsubscribe. */
  headers?: Record<string, string>;
  /** Files sent along (an event's .ics invitation). */
  attachments?: { filename: string; contentType: string; content: string }[];
  /** A stable Message-ID derived from the idempotency key, so a receiver can spot a resend. */
  messageId: string;
}

/** Where mail goes: SMTP in production, the log in development, memory in tests. */
export interface MailTransport {
  readonly name: string;
  send(mail: OutgoingMail): Promise<{ messageId: string }>;
  close(): Promise<void>;
}

/** A delivery failure worth retrying (connection refused, 4xx) or not (5xx: address rejected). */
export class MailDeliveryError extends Error {
  override name = "MailDeliveryError";
  constructor(
    message: string,
    readonly permanent: boolean,
  ) {
    super(message);
  }
}
