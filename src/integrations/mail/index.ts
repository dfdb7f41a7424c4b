import type { Logger } from "pino";
import type { Config } from "../../config.js";
import { logTransport } from "./log-transport.js";
import { smtpTransport } from "./smtp-transport.js";
import type { MailTransport } from "./transport.js";

export type { MailTransport, OutgoingMail } from "./transport.js";

/** SMTP when SMTP_URL is set; otherwise the outbox and the log (development). */
export function createMailTransport(config: Config, logger: Logger): MailTransport {
  return config.mail.smtpUrl ? smtpTransport(config.mail.smtpUrl) : logTransport(logger);
}
