import { MailDeliveryError, type MailTransport, type OutgoingMail } from "./transport.js";

/** The inspectable fake: keeps every message; can be told to fail the next sends. */
export interface MemoryTransport extends MailTransport {
  readonly sent: OutgoingMail[];
  failNext(count: number, options?: { permanent?: boolean }): void;
  /** The first URL in the last message to `address` that contains `pathPart`. */
  linkTo(address: string, pathPart: string): string | undefined;
}

export function memoryTransport(): MemoryTransport {
  const sent: OutgoingMail[] = [];
  let failures = 0;
  let permanent = false;
  return {
    name: "memory",
    sent,
    failNext(count, options = {}) {
      failures = count;
      permanent = options.permanent ?? false;
    },
    linkTo(address, pathPart) {
      const mail = sent.filter((m) => m.to.address.toLowerCase() === address.toLowerCase()).at(-1);
      return mail?.text.match(/https?:\/\/\S+/g)?.find((url) => url.includes(pathPart));
    },
    async send(mail) {
      if (failures > 0) {
        failures -= 1;
        throw new MailDeliveryError(`simulated failure sending to ${mail.to.address}`, permanent);
      }
      sent.push(mail);
      return { messageId: mail.messageId };
    },
    async close() {},
  };
}
