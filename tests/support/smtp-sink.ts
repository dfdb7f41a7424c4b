import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface ReceivedMail {
  envelopeTo: string[];
  raw: string;
  parsed: ParsedMail;
}

export interface SmtpSink {
  url: string;
  port: number;
  received: ReceivedMail[];
  /** Refuse the next `count` messages with this SMTP reply code (e.g. 451 temporary, 550 permanent). */
  rejectNext(count: number, code: number): void;
  close(): Promise<void>;
}

/** A real SMTP server on loopback that keeps what it receives, for tests and benchmarks. */
export async function startSmtpSink(options: { parse?: boolean } = {}): Promise<SmtpSink> {
  const received: ReceivedMail[] = [];
  let rejections = 0;
  let rejectCode = 451;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        if (rejections > 0) {
          rejections -= 1;
          const error = new Error("rejected by test sink") as Error & { responseCode: number };
          error.responseCode = rejectCode;
          callback(error);
          return;
        }
        const raw = Buffer.concat(chunks).toString("utf8");
        const envelopeTo = session.envelope.rcptTo.map((r) => r.address);
        if (options.parse === false) {
          received.push({ envelopeTo, raw, parsed: undefined as unknown as ParsedMail });
          callback();
          return;
        }
        simpleParser(raw).then(
          (parsed) => {
            received.push({ envelopeTo, raw, parsed });
            callback();
          },
          (error: Error) => callback(error),
        );
      });
    },
  });
  // A client killed mid-conversation (the crash tests do that) resets its connection; smtp-server
  // reports it as an 'error', which with no listener would take the whole test process down.
  server.on("error", () => {});
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as { port: number }).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    received,
    rejectNext(count, code) {
      rejections = count;
      rejectCode = code;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
