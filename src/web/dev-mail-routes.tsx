import { Hono } from "hono";
import { getOutboxMessage, listOutbox } from "../domain/mail/list-outbox.js";
import type { AppEnv } from "../http/types.js";
import { renderPage } from "./render.js";

/**
 * /dev/mail: the outbox, for a developer running without SMTP to read mail and click its links.
 * Mounted only outside production. Not translated: it is a developer tool, not a page for supporters.
 */
export const devMailRoutes = new Hono<AppEnv>()
  .get("/dev/mail", async (c) => {
    const messages = await listOutbox({ ctx: c.var.deps.ctx, input: { limit: 100 } });
    return renderPage(
      c,
      <DevPage title="Outbox (development)">
        <p>The newest 100 messages the app queued. Nothing here leaves this machine unless SMTP_URL is set.</p>
        {messages.length === 0 ? <p>No mail yet.</p> : null}
        <ul class="card-list">
          {messages.map((m) => (
            <li class="card">
              <a href={`/dev/mail/${m.id}`}>{m.subject ?? `(${m.template})`}</a>
              <p class="fine-print">
                #{m.id} to {m.to} · {m.template} · {m.status} · {m.createdAt.toISOString()}
              </p>
            </li>
          ))}
        </ul>
      </DevPage>,
    );
  })
  .get("/dev/mail/:id{[0-9]+}", async (c) => {
    const message = await getOutboxMessage({ ctx: c.var.deps.ctx, input: { id: Number(c.req.param("id")) } });
    if (!message) return c.notFound();
    const text = message.textBody ?? "(a broadcast: its body is rendered for each recipient when sent)";
    return renderPage(
      c,
      <DevPage title={message.subject ?? message.template}>
        <p>
          <a href="/dev/mail">All messages</a>
          {message.htmlBody ? (
            <>
              {" · "}
              <a href={`/dev/mail/${message.id}/html`}>HTML version</a>
            </>
          ) : null}
        </p>
        <dl class="facts">
          <dt>To</dt>
          <dd>{message.toName ? `${message.toName} <${message.toAddress}>` : message.toAddress}</dd>
          <dt>Status</dt>
          <dd>{message.status}</dd>
          {Object.entries(message.headers ?? {}).map(([name, value]) => (
            <>
              <dt>{name}</dt>
              <dd>{value}</dd>
            </>
          ))}
          {(message.attachments ?? []).map((attachment, index) => (
            <>
              <dt>Attachment</dt>
              <dd>
                <a href={`/dev/mail/${message.id}/attachments/${index}`}>{attachment.filename}</a> ({attachment.contentType})
              </dd>
            </>
          ))}
        </dl>
        <pre class="mail-text">
          {text.split(/(https?:\/\/\S+)/g).map((part) => (/^https?:\/\//.test(part) ? <a href={part}>{part}</a> : part))}
        </pre>
      </DevPage>,
    );
  })
  .get("/dev/mail/:id{[0-9]+}/attachments/:index{[0-9]+}", async (c) => {
    const message = await getOutboxMessage({ ctx: c.var.deps.ctx, input: { id: Number(c.req.param("id")) } });
    const attachment = message?.attachments?.[Number(c.req.param("index"))];
    if (!attachment) return c.notFound();
    c.header("Content-Type", attachment.contentType);
    c.header("Content-Disposition", `attachment; filename="${attachment.filename.replace(/[^\w.-]/g, "_")}"`);
    return c.body(attachment.content);
  })
  .get("/dev/mail/:id{[0-9]+}/html", async (c) => {
    const message = await getOutboxMessage({ ctx: c.var.deps.ctx, input: { id: Number(c.req.param("id")) } });
    if (!message?.htmlBody) return c.notFound();
    // The message's own HTML uses inline styles (as e-mail must); show it sandboxed, with no scripts.
    c.set("cspOverride", "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:");
    return c.html(message.htmlBody);
  });

function DevPage({ title, children }: { title: string; children?: unknown }) {
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{title}</title>
      </head>
      <body>
        <main id="main">
          <h1>{title}</h1>
          {children as never}
        </main>
      </body>
    </html>
  );
}
