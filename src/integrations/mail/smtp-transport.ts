import nodemailer from "nodemailer";
import { MailDeliveryError, type MailTransport, type OutgoingMail } from "./transport.js";

/** SMTP through nodemailer, with a small connection pool (broadcasts send many in a row). */
export function smtpTransport(url: string, options: { maxConnections?: number } = {}): MailTransport {
  // Options go in the first argument: a second one holds defaults for each message, and pool
  // settings there are silently ignored (one new connection, and TLS handshake, per message).
  const transporter = nodemailer.createTransport({
    url,
    pool: true,
    maxConnections: options.maxConnections ?? 4,
    maxMessages: Infinity,
  });
  return {
    name: "smtp",
    async send(mail: OutgoingMail) {
      try {
        const info = await transporter.sendMail({
          from: mail.from,
          to: mail.to.name ? { name: mail.to.name, address: mail.to.address } : mail.to.address,
          replyTo: mail.replyTo ?? undefined,
          subject: mail.subject,
          text: mail.text,
          html: mail.html,
          headers: mail.headers,
          ...(mail.attachments
            ? { attachments: mail.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, content: a.content })) }
            : {}),
          messageId: mail.messageId,
        });
        return { messageId: String(info.messageId ?? mail.messageId) };
      } catch (error) {
        const code = (error as { responseCode?: number }).responseCode;
        throw new MailDeliveryError(
          `SMTP delivery to ${mail.to.address} failed: ${(error as Error).message}`,
          code !== undefined && code >= 500 && code < 600,
        );
      }
    },
    async close() {
      transporter.close();
    },
  };
}
