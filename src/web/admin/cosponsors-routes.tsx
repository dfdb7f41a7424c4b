import { Hono, type Context } from "hono";
import { listCosponsorBills } from "../../domain/admin/cosponsors/list-cosponsor-bills.js";
import { FIELDS_NEED_ATTENTION, uploadCosponsorFile } from "../../domain/admin/cosponsors/upload-cosponsor-file.js";
import { DomainError } from "../../domain/errors.js";
import type { AppEnv } from "../../http/types.js";
import { emptyForm } from "../components/form.js";
import { CosponsorDataPage, CosponsorUploadResultPage, type UploadFormState } from "../pages/admin-cosponsors-pages.js";
import { renderPage } from "../render.js";
import { viewFor } from "../view.js";

async function dataPage(c: Context<AppEnv>, form: UploadFormState, status: 200 | 400 = 200) {
  const bills = await listCosponsorBills({ ctx: c.var.deps.ctx, input: { actor: c.var.actor } });
  return renderPage(c, <CosponsorDataPage view={viewFor(c)} bills={bills} form={form} />, status);
}

/**
 * /admin/cosponsors: every bill's roll, and the upload of an official file (the CLI's import).
 * The upload is the one route allowed a large body (src/app.ts UPLOAD_PATH). Mounted by
 * admin/index.tsx behind sign-in and the "administer" permission.
 */
export const cosponsorsAdminRoutes = new Hono<AppEnv>()
  .get("/admin/cosponsors", (c) => dataPage(c, emptyForm()))
  .post("/admin/cosponsors/upload", async (c) => {
    const body = await c.req.parseBody();
    const str = (name: string) => (typeof body[name] === "string" ? (body[name] as string) : "");
    const file = body.file instanceof File && body.file.size > 0 ? body.file : undefined;
    const pasted = str("text");
    // A chosen file wins; the pasted text is kept in the form either way (not the file: browsers cannot refill it).
    const values = { billId: str("billId"), asOf: str("asOf"), text: pasted.length <= 60_000 ? pasted : "", allowOlder: str("allowOlder") };
    try {
      const result = await uploadCosponsorFile({
        ctx: c.var.deps.ctx,
        input: {
          actor: c.var.actor,
          billId: values.billId,
          text: file ? await file.text() : pasted,
          fileName: file ? file.name.slice(0, 200) || "the file" : "the pasted text",
          asOf: values.asOf,
          allowOlder: values.allowOlder === "yes",
        },
      });
      return renderPage(c, <CosponsorUploadResultPage view={viewFor(c)} result={result} />);
    } catch (error) {
      if (error instanceof DomainError && error.code === "invalid") {
        // Field problems the form words itself; a parser's or importer's explanation is shown as it is.
        const problem = error.message === FIELDS_NEED_ATTENTION ? undefined : error.message;
        const errors = { ...error.fieldErrors };
        // The box that held the bad roll is the one to mark.
        if (!file && errors.file === "invalid_choice") {
          delete errors.file;
          errors.text = "invalid_choice";
        }
        return dataPage(c, { values, errors, problem }, 400);
      }
      throw error;
    }
  });
