import { Hono } from "hono";
import { billIdFromSlug } from "../domain/congress/bill-slug.js";
import { getBillCosponsors, type RollPerson } from "../domain/congress/get-bill-cosponsors.js";
import { notFound } from "../domain/errors.js";
import type { AppEnv } from "../http/types.js";

/** One person on the roll, field by field. `party` is the letter on the roll: "D", "R" or "I". */
const presentPerson = (person: RollPerson) => ({
  bioguideId: person.bioguideId,
  name: person.name,
  party: person.party,
  state: person.state,
  district: person.district,
  since: person.since,
  withdrawnAt: person.withdrawnOn,
});

/**
 * GET /api/v1/bills/hr3069-119/cosponsors (the bill as in the page's URL; "119-hr3069" works
 * too). `cosponsors` lists everyone on the roll, withdrawn ones with `withdrawnAt`; when
 * `complete` is false, someone missing from it may still be a cosponsor.
 */
export const billsApiRoutes = new Hono<AppEnv>().get("/v1/bills/:bill/cosponsors", async (c) => {
  const param = c.req.param("bill").toLowerCase();
  const billId = billIdFromSlug(param) ?? (/^\d{2,3}-(hr|s|hjres|sjres)\d{1,5}$/.test(param) ? param : undefined);
  if (!billId) throw notFound("There is no bill with that number. Use a bill like hr3069-119.");
  const { ctx, config } = c.var.deps;
  const data = await getBillCosponsors({ ctx, input: { billId } });
  c.header("Cache-Control", "public, max-age=300");
  return c.json({
    bill: {
      id: data.bill.id,
      slug: data.bill.slug,
      number: data.bill.number,
      congress: data.bill.congress,
      chamber: data.bill.chamber,
      title: data.bill.title,
      introducedOn: data.bill.introducedOn,
      isCurrent: data.bill.isCurrent,
      url: `${config.publicUrl}${data.bill.path}`,
      congressGovUrl: data.bill.congressGovUrl,
    },
    asOf: data.bill.asOf,
    complete: data.bill.complete,
    officialCount: data.bill.officialCount,
    sponsor: presentPerson(data.sponsor),
    formerSponsors: data.formerSponsors.map(presentPerson),
    cosponsors: data.cosponsors.map(presentPerson),
  });
});
