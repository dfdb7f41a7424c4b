import type { Logger } from "pino";
import type { MailTransport } from "./transport.js";

/**
 * Development without SMTP: the message stays in the mail_messages outbox (readable at
 * /dev/mail) and its text, with every link, is printed to the log.
 */
export function logTransport(logger: Logger): MailTransport {
  return {
    name: "log",
    async send(mail) {
      logger.info({ to: mail.to.address, subject: mail.subject, messageId: mail.messageId }, `mail (not sent, no SMTP_URL):\n${mail.text}`);
      return { messageId: mail.messageId };
    },
    async close() {},
  };
}
