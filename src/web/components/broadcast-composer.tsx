import { Hono, type Context } from "hono";
import { raw } from "hono/html";
import type { Child } from "hono/jsx";
import type { JSX } from "hono/jsx/jsx-runtime";
import { sendTestBroadcast } from "../../domain/broadcasts/send-test-broadcast.js";
import { DomainError } from "../../domain/errors.js";
import { draftBroadcast } from "../../domain/organize/draft-broadcast.js";
import type { BroadcastSummary } from "../../domain/organize/list-broadcasts.js";
import { reviewBroadcast, type BroadcastReview } from "../../domain/organize/review-broadcast.js";
import { deleteBroadcastDraft } from "../../domain/organize/delete-broadcast-draft.js";
import { sendBroadcast } from "../../domain/organize/send-broadcast.js";
import type { AppEnv } from "../../http/types.js";
import { renderMarkdown } from "../../lib/markdown.js";
import { formatDate, formatNumber } from "../format.js";
import { readForm, submitForm } from "../forms.js";
import { renderPage } from "../render.js";
import { viewFor, type View } from "../view.js";
import { CsrfField, emptyForm, ErrorSummary, Notice, TextArea, TextField, type FormState } from "./form.js";

/**
 * The broadcast pages shared by organizers (/organize/groups/:id/email, one group's members)
 * and national staff (/admin/broadcasts, any audience): write → preview → test to yourself →
 * send → progress. Each surface says where it lives, how its pages are framed and which
 * audience a form chooses; the domain actions check the actor may write to that audience.
 */
export interface BroadcastSurface {
  /** The compose page's URL for this request, e.g. "/organize/groups/12/email". */
  base(c: Context<AppEnv>): string;
  /** The page around the composer (layout, headings, navigation); may check access first. */
  /** `title` undefined: the compose page, titled by the surface. */
  frame(c: Context<AppEnv>, title: string | undefined, body: Child, scripts?: string[]): Promise<JSX.Element>;
  /** The audience ("all", "state:MN", "group:12") the submitted form chooses. */
  audience(c: Context<AppEnv>, fields: Record<string, string>): string;
  /** Whether a broadcast to `audience` belongs under this URL (an organizer's page shows only its group's). */
  owns(c: Context<AppEnv>, audience: string): boolean;
  /** The "To" part of the form: a fixed line, or a chooser. */
  audienceField(c: Context<AppEnv>, form: FormState): Promise<Child>;
  audienceLabel(c: Context<AppEnv>, audience: string): Promise<string>;
  /** Form values to start from (sender name, audience). */
  defaults(c: Context<AppEnv>): Promise<Record<string, string>>;
  /** Earlier broadcasts shown under the form. */
  list(c: Context<AppEnv>): Promise<BroadcastSummary[]>;
}

const ID = "{[0-9]{1,9}}";
const broadcastId = (c: Context<AppEnv>) => Number(c.req.param("broadcastId"));

/** The compose, review, test, send and progress routes under `path` (a Hono pattern). */
export function broadcastRoutes(path: string, surface: BroadcastSurface): Hono<AppEnv> {
  const review = async (c: Context<AppEnv>) => {
    const result = await reviewBroadcast({ ctx: c.var.deps.ctx, input: { actor: c.var.actor, broadcastId: broadcastId(c) } });
    // An id from another group's (or another audience's) URL is not found here.
    if (!surface.owns(c, result.broadcast.audience)) throw new DomainError("not_found", `There is no broadcast ${broadcastId(c)} here.`);
    return result;
  };

  async function composePage(c: Context<AppEnv>, form: FormState, status: 200 | 400 = 200, notice?: string) {
    const view = viewFor(c);
    const [audienceField, past] = await Promise.all([surface.audienceField(c, form), surface.list(c)]);
    const labels = await Promise.all(past.map((b) => surface.audienceLabel(c, b.audience)));
    const body = (
      <>
        {notice ? <Notice kind="success">{notice}</Notice> : null}
        <ComposeForm view={view} form={form} action={view.href(surface.base(c))} audienceField={audienceField} />
        <PastBroadcasts view={view} broadcasts={past} base={surface.base(c)} labels={labels} />
      </>
    );
    return renderPage(c, await surface.frame(c, undefined, body), status);
  }

  return new Hono<AppEnv>()
    .get(path, async (c) => {
      const from = c.req.query("from");
      let values = await surface.defaults(c);
      if (from && /^\d{1,9}$/.test(from)) {
        const { broadcast } = await reviewBroadcast({ ctx: c.var.deps.ctx, input: { actor: c.var.actor, broadcastId: Number(from) } });
        if (surface.owns(c, broadcast.audience)) {
          values = { ...values, ...audienceValues(broadcast.audience), subject: broadcast.subject, bodyMarkdown: broadcast.bodyMarkdown, senderName: broadcast.senderName, replyTo: broadcast.replyTo ?? "" };
        }
      }
      return composePage(c, emptyForm(values), 200, c.req.query("done") === "deleted" ? c.var.t.organize.composer.draftDeleted : undefined);
    })
    .post(path, async (c) => {
      const { fields } = await readForm(c);
      const outcome = await submitForm(fields, () =>
        draftBroadcast({
          ctx: c.var.deps.ctx,
          input: {
            actor: c.var.actor,
            subject: fields.subject ?? "",
            bodyMarkdown: fields.bodyMarkdown ?? "",
            senderName: fields.senderName ?? "",
            replyTo: fields.replyTo ?? "",
            audience: surface.audience(c, fields),
          },
        }),
      );
      if (!outcome.ok) return composePage(c, outcome.form, 400);
      return c.redirect(viewFor(c).href(`${surface.base(c)}/${outcome.result.id}`), 303);
    })
    .get(`${path}/:broadcastId${ID}`, async (c) => {
      const result = await review(c);
      const view = viewFor(c);
      const t = view.t.organize.composer;
      const done = c.req.query("done");
      const notice = done === "test" ? t.testSent(c.var.actor!.email) : undefined;
      const body = (
        <BroadcastReviewView view={view} review={result} base={surface.base(c)} audienceLabel={await surface.audienceLabel(c, result.broadcast.audience)} notice={notice} />
      );
      const title = result.broadcast.status === "draft" ? t.previewHeading : t.progressHeading;
      return renderPage(c, await surface.frame(c, title, body, result.broadcast.status === "sending" ? ["progress.js"] : undefined));
    })
    .post(`${path}/:broadcastId${ID}/test`, async (c) => {
      const { broadcast } = await review(c);
      await sendTestBroadcast({ ctx: c.var.deps.ctx, input: { actor: c.var.actor, broadcastId: broadcast.id } });
      return c.redirect(viewFor(c).href(`${surface.base(c)}/${broadcast.id}?done=test`), 303);
    })
    .post(`${path}/:broadcastId${ID}/send`, async (c) => {
      const { broadcast } = await review(c);
      try {
        await sendBroadcast({ ctx: c.var.deps.ctx, input: { actor: c.var.actor, broadcastId: broadcast.id } });
      } catch (error) {
        // Pressed twice (or in two tabs): the first press started it; show its progress.
        if (!(error instanceof DomainError && error.code === "conflict")) throw error;
      }
      return c.redirect(viewFor(c).href(`${surface.base(c)}/${broadcast.id}`), 303);
    })
    .post(`${path}/:broadcastId${ID}/delete`, async (c) => {
      const { broadcast } = await review(c);
      await deleteBroadcastDraft({ ctx: c.var.deps.ctx, input: { actor: c.var.actor, broadcastId: broadcast.id } });
      return c.redirect(viewFor(c).href(`${surface.base(c)}?done=deleted`), 303);
    })
    .get(`${path}/:broadcastId${ID}/progress.json`, async (c) => {
      const { progress } = await review(c);
      return c.json({
        status: progress.status,
        recipients: progress.recipients,
        sent: progress.sent,
        queued: progress.queued,
        failed: progress.failed,
        skipped: progress.skipped,
      });
    });
}

/** The admin chooser's fields for an audience, so "change the message" keeps it. */
function audienceValues(audience: string): Record<string, string> {
  if (audience === "all") return { audienceKind: "all" };
  if (audience.startsWith("state:")) return { audienceKind: "state", state: audience.slice(6) };
  if (audience.startsWith("group:")) return { audienceKind: "group", groupId: audience.slice(6) };
  return {};
}

export function ComposeForm({ view, form, action, audienceField }: { view: View; form: FormState; action: string; audienceField: Child }) {
  const t = view.t.organize.composer;
  return (
    <>
      <ErrorSummary
        view={view}
        form={form}
        labels={{ audience: t.audienceLabel, subject: t.subjectLabel, bodyMarkdown: t.bodyLabel, senderName: t.senderLabel, replyTo: t.replyToLabel }}
      />
      <form method="post" action={action} novalidate class="stack" id="broadcast-compose">
        <CsrfField view={view} />
        {audienceField}
        <TextField view={view} form={form} name="subject" label={t.subjectLabel} maxlength={200} />
        <TextArea view={view} form={form} name="bodyMarkdown" label={t.bodyLabel} hint={t.bodyHint} rows={12} />
        <TextField view={view} form={form} name="senderName" label={t.senderLabel} hint={t.senderHint} maxlength={100} />
        <TextField view={view} form={form} name="replyTo" label={t.replyToLabel} hint={t.replyToHint} type="email" inputmode="email" maxlength={254} />
        <button type="submit" class="button">
          {t.preview}
        </button>
      </form>
    </>
  );
}

function BroadcastReviewView({ view, review, base, audienceLabel, notice }: { view: View; review: BroadcastReview; base: string; audienceLabel: string; notice?: string | undefined }) {
  const t = view.t.organize.composer;
  const { broadcast, preview, progress } = review;
  const url = (suffix = "") => view.href(`${base}/${broadcast.id}${suffix}`);
  return (
    <>
      {notice ? <Notice kind="success">{notice}</Notice> : null}
      <dl class="facts">
        <dt>{t.audienceLabel}</dt>
        <dd>{audienceLabel}</dd>
        <dt>{t.fromLabel}</dt>
        <dd>{broadcast.senderName}</dd>
        {broadcast.replyTo ? (
          <>
            <dt>{t.replyToLabel}</dt>
            <dd>{broadcast.replyTo}</dd>
          </>
        ) : null}
        <dt>{t.subjectLabel}</dt>
        <dd>{broadcast.subject}</dd>
      </dl>
      {preview ? (
        <>
          <section class="card broadcast-preview" aria-labelledby="preview-heading">
            <h2 id="preview-heading">{t.previewHeading}</h2>
            <div class="prose">{raw(renderMarkdown(broadcast.bodyMarkdown).html)}</div>
          </section>
          <p>{preview.recipients > 0 ? t.recipients(preview.recipients) : t.nobody}</p>
          <div class="cta-list broadcast-actions">
            <form method="post" action={url("/test")}>
              <CsrfField view={view} />
              <button type="submit" class="button-secondary">
                {t.sendTest}
              </button>
            </form>
            {preview.recipients > 0 ? (
              <form method="post" action={url("/send")}>
                <CsrfField view={view} />
                <button type="submit" class="button">
                  {t.send(preview.recipients)}
                </button>
              </form>
            ) : null}
          </div>
          {preview.recipients > 0 ? <p class="hint">{t.sendWarning}</p> : null}
          <p>
            <a href={view.href(`${base}?from=${broadcast.id}`)}>{t.edit}</a>
          </p>
          <form method="post" action={url("/delete")}>
            <CsrfField view={view} />
            <button type="submit" class="button-secondary">
              {t.deleteDraft}
            </button>
          </form>
        </>
      ) : (
        <ProgressView view={view} progress={progress} jsonUrl={url("/progress.json")} refreshUrl={url()} />
      )}
      <p>
        <a href={view.href(base)}>{t.newMessage}</a>
      </p>
    </>
  );
}

function ProgressView({ view, progress, jsonUrl, refreshUrl }: { view: View; progress: BroadcastReview["progress"]; jsonUrl: string; refreshUrl: string }) {
  const t = view.t.organize.composer;
  const n = (value: number) => formatNumber(view.locale, value);
  const counts = (["recipients", "sent", "queued", "failed", "skipped"] as const).filter((key) => key !== "skipped" || progress.skipped > 0);
  return (
    <section
      aria-labelledby="progress-heading"
      data-progress-url={progress.status === "sending" ? jsonUrl : undefined}
      data-status-words={progress.status === "sending" ? JSON.stringify(t.statuses) : undefined}
    >
      <h2 id="progress-heading">
        {t.progressHeading}: <span data-progress="status">{t.statuses[progress.status]}</span>
      </h2>
      <dl class="facts broadcast-progress" aria-live="polite">
        {counts.map((key) => (
          <>
            <dt>{t.counts[key]}</dt>
            <dd data-progress={key}>{n(progress[key])}</dd>
          </>
        ))}
      </dl>
      <p class="fine-print">
        {progress.startedAt ? t.started(formatDate(view.locale, progress.startedAt)) : null}
        {progress.finishedAt ? ` · ${t.finished(formatDate(view.locale, progress.finishedAt))}` : null}
      </p>
      {progress.status === "sending" ? (
        <p>
          <a class="button-secondary" href={refreshUrl} data-progress="refresh">
            {t.refresh}
          </a>
        </p>
      ) : null}
    </section>
  );
}

function PastBroadcasts({ view, broadcasts, base, labels }: { view: View; broadcasts: BroadcastSummary[]; base: string; labels: string[] }) {
  const t = view.t.organize.composer;
  return (
    <section aria-labelledby="past-heading">
      <h2 id="past-heading">{t.pastHeading}</h2>
      {broadcasts.length === 0 ? (
        <p>{t.noPast}</p>
      ) : (
        <div class="table-scroll">
          <table class="data-table">
            <thead>
              <tr>
                <th scope="col">{t.subjectLabel}</th>
                <th scope="col">{t.audienceLabel}</th>
                <th scope="col">{view.t.organize.statusLabel}</th>
                <th scope="col">{t.counts.recipients}</th>
                <th scope="col">{t.created}</th>
              </tr>
            </thead>
            <tbody>
              {broadcasts.map((b, i) => (
                <tr>
                  <td>
                    <a href={view.href(`${base}/${b.id}`)}>{b.subject}</a>
                  </td>
                  <td>{labels[i]}</td>
                  <td>{t.statuses[b.status]}</td>
                  <td>{b.recipients === null ? "" : formatNumber(view.locale, b.recipients)}</td>
                  <td>{formatDate(view.locale, b.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
