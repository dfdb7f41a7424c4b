import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSmtpSink, type SmtpSink } from "../../../tests/support/smtp-sink.js";
import { messagesFor } from "../../i18n/index.js";
import { renderBroadcastMail, renderMail } from "../../mail/templates.js";
import { listUnsubscribeHeaders } from "../../domain/mail/enqueue-mail.js";
import { smtpTransport } from "./smtp-transport.js";
import { MailDeliveryError, type MailTransport } from "./transport.js";

let sink: SmtpSink;
let transport: MailTransport;

beforeAll(async () => {
  sink = await startSmtpSink();
  transport = smtpTransport(sink.url, { maxConnections: 1 });
});
afterAll(async () => {
  await transport.close();
  await sink.close();
});

describe("SMTP delivery against a real SMTP server", () => {
  it("sends text and HTML parts, UTF-8 names, List-Unsubscribe headers and working links", async () => {
    const t = messagesFor("es");
    const unsubscribeUrl = "https://everybody.test/unsubscribe/12.1.abc?list=national";
    const mail = renderBroadcastMail(
      t,
      { subject: "¡Llamen hoy! Día de acción", bodyMarkdown: "Llama a tu **senadora**: [guion](https://everybody.test/act?x=1&y=2)" },
      { listLabel: t.mail.listNational, unsubscribeUrl, preferencesUrl: "https://everybody.test/preferences/12.1.abc" },
    );
    await transport.send({
      from: "Everybody In <updates@everybody.test>",
      to: { name: "José Núñez-Ibáñez", address: "jose@example.org" },
      replyTo: "organizers@everybody.test",
      ...mail,
      headers: listUnsubscribeHeaders(unsubscribeUrl, "unsubscribe@everybody.test"),
      messageId: "<broadcast.1.12@everybody.test>",
    });
    const got = sink.received.at(-1)!;
    expect(got.envelopeTo).toEqual(["jose@example.org"]);
    const parsed = got.parsed;
    expect(parsed.subject).toBe("¡Llamen hoy! Día de acción");
    expect(parsed.to && !Array.isArray(parsed.to) ? parsed.to.value[0] : undefined).toEqual({ name: "José Núñez-Ibáñez", address: "jose@example.org" });
    expect(parsed.replyTo?.value[0]?.address).toBe("organizers@everybody.test");
    expect(parsed.messageId).toBe("<broadcast.1.12@everybody.test>");
    expect(got.raw).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r?$/m);
    const unfolded = got.raw.replace(/\r?\n[ \t]+/g, " ");
    expect(unfolded).toMatch(/^List-Unsubscribe: <https:\/\/everybody\.test\/unsubscribe\/12\.1\.abc\?list=national>,\s+<mailto:unsubscribe@everybody\.test\?subject=unsubscribe>/m);
    expect(got.raw).toMatch(/Content-Type: multipart\/alternative/);
    expect(parsed.text).toContain("guion (https://everybody.test/act?x=1&y=2)");
    expect(parsed.text).toContain(`Darte de baja: ${unsubscribeUrl}`);
    expect(parsed.html).toContain('<a href="https://everybody.test/act?x=1&amp;y=2">guion</a>');
    expect(parsed.html).toContain(`href="${unsubscribeUrl.replace("&", "&amp;")}"`);
    expect(parsed.html).toContain("<strong>senadora</strong>");
  });

  it("carries an event's .ics as a text/calendar attachment beside the text and HTML parts", async () => {
    const ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Everybody In//EN\r\nMETHOD:PUBLISH\r\nBEGIN:VEVENT\r\nUID:event-7@everybody.test\r\nSUMMARY:Reunión de junio\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    await transport.send({
      from: "Everybody In <updates@everybody.test>",
      to: { address: "rsvp@example.org" },
      replyTo: undefined,
      subject: "You're going: Reunión de junio",
      text: "See you there.",
      html: "<p>See you there.</p>",
      headers: {},
      attachments: [{ filename: "event-7.ics", contentType: "text/calendar; charset=utf-8; method=PUBLISH", content: ics }],
      messageId: "<event.7.rsvp@everybody.test>",
    });
    const parsed = sink.received.at(-1)!.parsed;
    expect(parsed.text?.trim()).toBe("See you there.");
    expect(parsed.html).toContain("<p>See you there.</p>");
    expect(parsed.attachments).toHaveLength(1);
    const [attachment] = parsed.attachments;
    expect(attachment?.filename).toBe("event-7.ics");
    expect(attachment?.contentType).toBe("text/calendar");
    expect(attachment?.content.toString("utf8")).toBe(ics);
  });

  it("escapes names and messages in transactional templates", async () => {
    const mail = renderMail(messagesFor("en"), {
      template: "contact-relay",
      groupName: "Twin Cities <Single Payer>",
      senderName: "Eve <script>",
      message: "Hello & welcome\n\nSecond paragraph",
    });
    await transport.send({ from: "updates@everybody.test", to: { address: "org@example.org" }, ...mail, messageId: "<relay.1@everybody.test>" });
    const html = String(sink.received.at(-1)!.parsed.html);
    expect(html).toContain("Eve &lt;script&gt;");
    expect(html).not.toContain("<script>");
    expect(html).toContain("<p>Second paragraph</p>");
  });

  it("reports a 5xx refusal as permanent and a 4xx as worth retrying", async () => {
    const send = () => transport.send({ from: "updates@everybody.test", to: { address: "x@example.org" }, subject: "s", text: "t", html: "<p>t</p>", messageId: "<x@everybody.test>" });
    sink.rejectNext(1, 550);
    await expect(send()).rejects.toMatchObject({ permanent: true });
    sink.rejectNext(1, 451);
    const temporary = await send().catch((e: unknown) => e);
    expect(temporary).toBeInstanceOf(MailDeliveryError);
    expect((temporary as MailDeliveryError).permanent).toBe(false);
  });

  it("keeps its connections open from one message to the next instead of connecting for each", async () => {
    let connections = 0;
    let received = 0;
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS", "AUTH"],
      logger: false,
      onConnect(_session, callback) {
        connections += 1;
        callback();
      },
      onData(stream, _session, callback) {
        stream.on("data", () => {});
        stream.on("end", () => {
          received += 1;
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const pooled = smtpTransport(`smtp://127.0.0.1:${(server.server.address() as { port: number }).port}`, { maxConnections: 2 });
    try {
      const send = (i: number) =>
        pooled.send({ from: "updates@everybody.test", to: { address: `p${i}@example.org` }, subject: "s", text: "t", html: "<p>t</p>", messageId: `<pool.${i}@everybody.test>` });
      for (let round = 0; round < 5; round++) await Promise.all([send(round * 2), send(round * 2 + 1)]);
      expect(received).toBe(10);
      expect(connections).toBeLessThanOrEqual(2);
    } finally {
      await pooled.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
