import { Hono, type Context } from "hono";
import { activateCampaign } from "../../domain/admin/campaigns/activate-campaign.js";
import { draftFromFields, fieldsFromDraft, hasWords, validateWords, type CampaignLanguage } from "../../domain/admin/campaigns/campaign-draft.js";
import { getCampaignForEditing } from "../../domain/admin/campaigns/get-campaign-for-editing.js";
import { listCampaigns } from "../../domain/admin/campaigns/list-campaigns.js";
import { previewCampaign } from "../../domain/admin/campaigns/preview-campaign.js";
import { saveCampaign } from "../../domain/admin/campaigns/save-campaign.js";
import { messagesFor } from "../../i18n/index.js";
import type { AppEnv } from "../../http/types.js";
import { emptyForm, type FormState } from "../components/form.js";
import { readForm, submitForm } from "../forms.js";
import { CampaignFormPage, CampaignListPage } from "../pages/admin-campaigns-pages.js";
import { renderPage } from "../render.js";
import { viewFor } from "../view.js";

const SLUG = ":slug{[a-z0-9-]+}";

/** The form page for a campaign (slug) or a new one (undefined), with these values. */
async function formPage(
  c: Context<AppEnv>,
  slug: string | undefined,
  form: FormState | undefined,
  options: { status?: 200 | 400; preview?: boolean; notice?: ((title: string) => string) | undefined } = {},
) {
  const ctx = c.var.deps.ctx;
  const editing = await getCampaignForEditing({ ctx, input: { actor: c.var.actor, slug } });
  const values = form ?? emptyForm(fieldsFromDraft(editing.draft));
  let preview;
  if (options.preview) {
    const lang: CampaignLanguage = values.values.previewLang === "es" ? "es" : "en";
    const draft = draftFromFields(values.values);
    // Spanish left empty shows the English words, as /act would.
    const words = lang === "es" && !hasWords(draft.words.es) ? draft.words.en : draft.words[lang];
    const result = await previewCampaign({
      ctx,
      input: { actor: c.var.actor, houseBillId: draft.houseBillId, senateBillId: draft.senateBillId, words, titles: messagesFor(lang).act.titles },
    });
    preview = { result, lang };
  }
  return renderPage(
    c,
    <CampaignFormPage
      view={viewFor(c)}
      slug={editing.slug}
      title={editing.draft.words.en.title}
      isActive={editing.isActive}
      billChoices={editing.billChoices}
      form={values}
      preview={preview}
      notice={options.notice?.(editing.draft.words.en.title)}
    />,
    options.status ?? 200,
  );
}

async function save(c: Context<AppEnv>, slug: string | undefined) {
  const { fields } = await readForm(c);
  const outcome = await submitForm(fields, () => saveCampaign({ ctx: c.var.deps.ctx, input: { actor: c.var.actor, slug, draft: draftFromFields(fields) } }));
  if (!outcome.ok) return formPage(c, slug, outcome.form, { status: 400 });
  const view = viewFor(c);
  return c.redirect(view.href(`/admin/campaigns/${outcome.result.slug}?${outcome.result.created ? "created" : "saved"}=1`), 303);
}

/** Preview: the same form with the two samples below it; nothing saved. Problems with the words show too. */
async function preview(c: Context<AppEnv>, slug: string | undefined) {
  const { fields } = await readForm(c);
  const errors = validateWords(draftFromFields(fields));
  return formPage(c, slug, { values: fields, errors }, { preview: true });
}

/** /admin/campaigns: list, activate, create, edit and preview campaigns. Mounted by admin/index.tsx behind sign-in and the "administer" permission. */
export const campaignsAdminRoutes = new Hono<AppEnv>()
  .get("/admin/campaigns", async (c) => {
    const campaigns = await listCampaigns({ ctx: c.var.deps.ctx, input: { actor: c.var.actor } });
    const activated = campaigns.find((campaign) => campaign.slug === c.req.query("activated"));
    const notice = activated ? c.var.t.admin.campaigns.activated(activated.title) : undefined;
    return renderPage(c, <CampaignListPage view={viewFor(c)} campaigns={campaigns} notice={notice} />);
  })
  .get("/admin/campaigns/new", (c) => formPage(c, undefined, undefined))
  .post("/admin/campaigns/new", (c) => save(c, undefined))
  .post("/admin/campaigns/new/preview", (c) => preview(c, undefined))
  .get(`/admin/campaigns/${SLUG}`, async (c) => {
    const slug = c.req.param("slug");
    const t = c.var.t.admin.campaigns;
    const query = c.req.query();
    const notice = query.created !== undefined ? t.created : query.saved !== undefined ? t.saved : undefined;
    return formPage(c, slug, undefined, { notice });
  })
  .post(`/admin/campaigns/${SLUG}`, (c) => save(c, c.req.param("slug")))
  .post(`/admin/campaigns/${SLUG}/preview`, (c) => preview(c, c.req.param("slug")))
  .post(`/admin/campaigns/${SLUG}/activate`, async (c) => {
    const slug = c.req.param("slug");
    await activateCampaign({ ctx: c.var.deps.ctx, input: { actor: c.var.actor, slug } });
    return c.redirect(viewFor(c).href(`/admin/campaigns?activated=${slug}`), 303);
  });
