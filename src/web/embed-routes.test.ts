import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { uniqueEmail } from "../../tests/support/factories.js";
import { createTestApp, type TestApp } from "../../tests/support/test-app.js";
import { parseConfig } from "../config.js";
import { attributions, campaignActions, groupMemberships, mailMessages, people } from "../db/schema/index.js";
import { EMBED_TOKEN_MAX_AGE_SECONDS, issueEmbedToken } from "../http/embed-csrf.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ template: "loaded" });
});
afterAll(async () => {
  await t.close();
});

const ACT = "/embed/act/medicare-for-all";
/** What `app.request()` calls the request's own origin. */
const OWN_ORIGIN = "http://localhost";
const tokenIn = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? "";

async function get(path: string, headers: Record<string, string> = {}) {
  const res = await t.app.request(path, { headers });
  return { res, html: await res.text() };
}

/** A form post the way a browser sends it from inside the frame: our Origin, same-origin fetch, and no cookie at all. */
function post(path: string, fields: Record<string, string>, headers: Record<string, string> = {}) {
  return t.app.request(path, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: OWN_ORIGIN, "sec-fetch-site": "same-origin", ...headers },
    body: new URLSearchParams(fields).toString(),
  });
}

/** The token of a page with a form: the members of 55401 (outcome buttons) unless told otherwise. */
async function embedToken(path = `${ACT}?zip=55401`) {
  return tokenIn((await get(path)).html);
}

const outcomesFor = (bioguideId: string) =>
  t.ctx.db.select().from(campaignActions).where(and(eq(campaignActions.bioguideId, bioguideId), eq(campaignActions.campaignSlug, "medicare-for-all")));

/** The href of the first group in a state's embed join form. */
async function firstGroupSlug(state: string) {
  const html = (await get(`/embed/groups/${state}`)).html;
  return /<option value="([a-z0-9-]+)"/.exec(html)?.[1] ?? /name="group" value="([a-z0-9-]+)"/.exec(html)?.[1] ?? "";
}

describe("framing", () => {
  it("lets any site frame the embeds, and only them: no X-Frame-Options there", async () => {
    for (const path of [ACT, `${ACT}?zip=55401`, "/embed/groups/ma", "/embed/groups/wy", "/embed/act/no-such-campaign"]) {
      const { res } = await get(path);
      expect(res.headers.get("content-security-policy"), path).toContain("frame-ancestors *");
      expect(res.headers.get("content-security-policy"), path).not.toContain("frame-ancestors 'none'");
      expect(res.headers.get("x-frame-options"), path).toBeNull();
    }
  });

  it("keeps every other page unframeable", async () => {
    for (const path of ["/", "/act/medicare-for-all", "/groups/ma", "/admin", "/embed-not-really", "/api/v1/groups"]) {
      const res = await t.app.request(path);
      expect(res.headers.get("content-security-policy"), path).toContain("frame-ancestors 'none'");
      expect(res.headers.get("x-frame-options"), path).toBe("DENY");
    }
  });

  it("EMBED_ALLOWED_ORIGINS narrows framing to the listed sites; a bad value is refused at start-up", async () => {
    const narrowed = await createTestApp({ template: "empty", env: { EMBED_ALLOWED_ORIGINS: "https://partner.example, https://*.allies.example/" } });
    try {
      const embed = await narrowed.app.request("/embed/groups/ma");
      expect(embed.headers.get("content-security-policy")).toContain("frame-ancestors https://partner.example https://*.allies.example");
      expect(embed.headers.get("x-frame-options")).toBeNull();
      expect((await narrowed.app.request("/")).headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    } finally {
      await narrowed.close();
    }
    expect(parseConfig({ EMBED_ALLOWED_ORIGINS: "" }).embedAllowedOrigins).toBeUndefined();
    expect(() => parseConfig({ EMBED_ALLOWED_ORIGINS: "partner.example" })).toThrow(/EMBED_ALLOWED_ORIGINS="partner.example": expected origins/);
    expect(() => parseConfig({ EMBED_ALLOWED_ORIGINS: "https://x.example; script-src *" })).toThrow(/EMBED_ALLOWED_ORIGINS/);
  });
});

describe("GET /embed/act/<campaign>", () => {
  it("is a compact page: the ask, a ZIP form on the same page, the stylesheet, no site navigation, a new-tab link to the full site", async () => {
    const { res, html } = await get(ACT);
    expect(res.status).toBe(200);
    expect(html).toMatch(/^<!DOCTYPE html><html lang="en">/);
    expect(html).toContain("<h1 class=\"embed-title\">");
    expect(html).toContain('<form method="get" action="/embed/act/medicare-for-all"');
    expect(html).toContain('href="/static/app.');
    expect(html).not.toContain("site-header");
    expect(html).not.toContain("<script");
    expect(html).toMatch(/<a href="\/" target="_blank" rel="noopener">Powered by Everybody In<span class="visually-hidden"> \(opens in a new tab\)<\/span><\/a>/);
    expect(res.headers.get("cache-control")).toBe("no-store");
  });

  it("sets no cookie, even with a tagged link that the full site would remember", async () => {
    const { res } = await get(`${ACT}?zip=55401&utm_source=newsletter&ref=abcdefgh`);
    expect(res.headers.getSetCookie()).toEqual([]);
    expect((await t.app.request("/?utm_source=newsletter")).headers.getSetCookie().join()).toContain("ei_csrf=");
  });

  it("finds the members for a ZIP: status, a call link, a write link in a new tab and outcome buttons that post inside the embed", async () => {
    const { res, html } = await get(`${ACT}?zip=55401`);
    expect(res.status).toBe(200);
    expect(html).toContain("Your members of Congress for 55401 (Minneapolis, MN)");
    expect(html).toContain("Sen. Amy Klobuchar");
    expect(html).toContain("Not a cosponsor of S.1506");
    expect(html).toMatch(/id="member-O000173"[\s\S]*Cosponsor of H\.R\.3069/);
    expect(html).toContain('<a class="button" href="tel:+12022243244">Call 202-224-3244</a>');
    expect(html).toMatch(/<a href="https:\/\/[^"]+" target="_blank" rel="noopener" class="button-secondary">Write to them/);
    expect(html).toContain('action="/embed/act/medicare-for-all/outcomes"');
    expect(html).toContain('<button type="submit" name="outcome" value="mailbox_full" class="button-secondary">Mailbox full</button>');
    expect(tokenIn(html)).toMatch(/^\d+\.[A-Za-z0-9_-]{43}$/);
  });

  it("carries the link's ref and utm fields into every form, with embed defaults", async () => {
    const tagged = (await get(`${ACT}?zip=55401&ref=abcdefgh&utm_source=partner-site&utm_campaign=spring`)).html;
    expect(tagged).toContain('<input type="hidden" name="ref" value="abcdefgh"/>');
    expect(tagged).toContain('<input type="hidden" name="utm_source" value="partner-site"/>');
    expect(tagged).toContain('<input type="hidden" name="utm_campaign" value="spring"/>');
    const plain = (await get(`${ACT}?zip=55401`)).html;
    expect(plain).not.toContain('name="ref"');
    expect(plain).toContain('<input type="hidden" name="utm_source" value="embed"/>');
    expect(plain).toContain('<input type="hidden" name="utm_campaign" value="medicare-for-all"/>');
    // Anything that is not a plain label is dropped, not echoed.
    expect((await get(`${ACT}?utm_source=${encodeURIComponent('"><script>')}`)).html).toContain('name="utm_source" value="embed"');
  });

  it("a split ZIP lists every candidate and links to the full page to find the exact member", async () => {
    const { html } = await get(`${ACT}?zip=10001`);
    expect(html).toContain("Your ZIP code is split between 2 congressional districts");
    expect(html).toContain("Rep. Daniel S. Goldman");
    expect(html).toContain("Rep. Jerrold Nadler");
    expect(html).toMatch(/<a href="\/act\/medicare-for-all\?zip=10001" target="_blank" rel="noopener">Find your exact member by address/);
  });

  it("a bad ZIP is answered in the embed with the value and the reason (400)", async () => {
    const { res, html } = await get(`${ACT}?zip=00000`);
    expect(res.status).toBe(400);
    expect(html).toContain('value="00000"');
    expect(html).toContain("We could not find this ZIP code.");
    expect(html).not.toContain("site-header");
  });

  it("is in Spanish with ?lang=es, and its forms keep the language", async () => {
    const { html } = await get(`${ACT}?zip=55401&lang=es`);
    expect(html).toContain('<html lang="es">');
    expect(html).toContain("Tus miembros del Congreso para 55401");
    expect(html).toContain('<input type="hidden" name="lang" value="es"/>');
    expect(html).toContain('action="/embed/act/medicare-for-all/outcomes?lang=es"');
  });

  it("an unknown campaign is a 404 in the embed's own style", async () => {
    const { res, html } = await get("/embed/act/no-such-campaign");
    expect(res.status).toBe(404);
    expect(html).toContain('class="embed"');
    expect(html).not.toContain("site-header");
  });
});

describe("POST /embed/act/<campaign>/outcomes", () => {
  it("records the outcome with the embed's token and no cookie, then shows the thanks inside the embed", async () => {
    const before = (await outcomesFor("K000367")).length;
    const res = await post(`${ACT}/outcomes`, { _csrf: await embedToken(), bioguideId: "K000367", outcome: "mailbox_full", zip: "55401", utm_source: "embed", utm_campaign: "medicare-for-all" });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`${ACT}?zip=55401&logged=K000367&utm_source=embed&utm_campaign=medicare-for-all#member-K000367`);
    expect(res.headers.getSetCookie()).toEqual([]);
    expect((await outcomesFor("K000367")).length).toBe(before + 1);
    const thanks = (await get(res.headers.get("location")!)).html;
    expect(thanks).toMatch(/id="member-K000367"[\s\S]*Thank you! Your report is counted\./);
    expect(thanks.match(/Thank you! Your report is counted\./g)).toHaveLength(1);
  });

  it("notes what brought the action: the embed's utm fields", async () => {
    await post(`${ACT}/outcomes`, { _csrf: await embedToken(), bioguideId: "S001203", outcome: "talked_to_staff", zip: "55401", utm_source: "embed", utm_campaign: "spring-drive" });
    const rows = await t.ctx.db.select().from(attributions).where(eq(attributions.utmCampaign, "spring-drive"));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ kind: "action", subject: "campaign:medicare-for-all", utmSource: "embed" });
  });

  it("refuses a missing, forged or expired token (403, in the embed, with a way to start again), and records nothing", async () => {
    const before = (await outcomesFor("O000173")).length;
    const fields = { bioguideId: "O000173", outcome: "left_voicemail", zip: "55401" };
    const now = t.ctx.now();
    const expired = issueEmbedToken(t.deps.config.secretKey, new Date(now.getTime() - (EMBED_TOKEN_MAX_AGE_SECONDS + 60) * 1000));
    const forged = issueEmbedToken("another-secret-key-of-at-least-32-chars", now);
    const tampered = (await embedToken()).replace(/^\d+/, (s) => String(Number(s) + 1));
    for (const token of [undefined, "", forged, tampered, expired, "12345.abc"]) {
      const res = await post(`${ACT}/outcomes`, token === undefined ? fields : { ...fields, _csrf: token });
      expect(res.status, String(token)).toBe(403);
      const html = await res.text();
      expect(html).toContain("This form has expired");
      expect(html).toContain("Nothing was sent.");
      expect(html).toContain(`<a class="button" href="${ACT}">Start again</a>`);
      expect(html).not.toContain("site-header");
    }
    // Just inside the limit is still fine.
    const old = issueEmbedToken(t.deps.config.secretKey, new Date(now.getTime() - (EMBED_TOKEN_MAX_AGE_SECONDS - 60) * 1000));
    expect((await post(`${ACT}/outcomes`, { ...fields, _csrf: old })).status).toBe(303);
    expect((await outcomesFor("O000173")).length).toBe(before + 1);
  });

  it("refuses a post from another site, a sandboxed (null) origin or a cross-site fetch, even with a good token", async () => {
    const before = (await outcomesFor("O000173")).length;
    const fields = { _csrf: await embedToken(), bioguideId: "O000173", outcome: "left_voicemail", zip: "55401" };
    const attempts: Record<string, string>[] = [{ origin: "https://evil.example" }, { origin: "null" }, { "sec-fetch-site": "cross-site" }, { "sec-fetch-site": "same-site" }];
    for (const headers of attempts) {
      expect((await post(`${ACT}/outcomes`, fields, headers)).status, JSON.stringify(headers)).toBe(403);
    }
    expect((await outcomesFor("O000173")).length).toBe(before);
  });

  it("the embed token opens the embed only: the full site still wants its cookie", async () => {
    const res = await post("/act/medicare-for-all/outcomes", { _csrf: await embedToken(), bioguideId: "O000173", outcome: "left_voicemail", zip: "55401" });
    expect(res.status).toBe(403);
    expect(await res.text()).toContain("site-header");
  });

  it("an unknown member or outcome is refused without a 500", async () => {
    const res = await post(`${ACT}/outcomes`, { _csrf: await embedToken(), bioguideId: "X999999", outcome: "left_voicemail" });
    expect(res.status).toBe(400);
  });
});

describe("/embed/groups/<state>", () => {
  it("lists the state's groups, each with a new-tab link to its page, and one join form", async () => {
    const { res, html } = await get("/embed/groups/ma");
    expect(res.status).toBe(200);
    expect(html).toContain("Medicare for All groups in Massachusetts");
    expect(html).toMatch(/<a href="\/groups\/ma\/[a-z0-9-]+" target="_blank" rel="noopener">Visit the group&#39;s page/);
    expect(html).toContain('action="/embed/groups/ma/join"');
    expect(html).toContain('<input type="hidden" name="utm_campaign" value="groups-ma"/>');
    expect(html).toContain('name="website"'); // the honeypot
    const slug = /<option value="([a-z0-9-]+)"/.exec(html)?.[1];
    expect(html).toContain(`href="/embed/groups/ma?group=${slug}&amp;utm_source=embed&amp;utm_campaign=groups-ma#join"`);
    expect((await get(`/embed/groups/ma?group=${slug}`)).html).toContain(`<option value="${slug}" selected="">`);
    expect(res.headers.getSetCookie()).toEqual([]);
  });

  it("joining sends the confirmation e-mail and says 'check your inbox' inside the embed, without a cookie", async () => {
    const slug = await firstGroupSlug("ma");
    const email = uniqueEmail("embed-join");
    const res = await post("/embed/groups/ma/join", { _csrf: await embedToken("/embed/groups/ma"), group: slug, name: "Lucy Parsons", email, zip: "02139", utm_source: "embed", utm_campaign: "groups-ma" });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`/embed/groups/ma/joined?group=${slug}&utm_source=embed&utm_campaign=groups-ma`);
    expect(res.headers.getSetCookie()).toEqual([]);
    const [person] = await t.ctx.db.select().from(people).where(eq(people.emailKey, email));
    expect(person?.sourcePage).toBe("/embed/groups/ma");
    const memberships = await t.ctx.db.select().from(groupMemberships).where(eq(groupMemberships.personId, person!.id));
    expect(memberships.map((m) => m.status)).toEqual(["pending"]);
    const mail = await t.ctx.db.select().from(mailMessages).where(eq(mailMessages.toAddress, email));
    expect(mail).toHaveLength(1);
    expect(mail[0]?.textBody).toContain("Please confirm that you want to join");
    const [attribution] = await t.ctx.db.select().from(attributions).where(eq(attributions.personId, person!.id));
    expect(attribution).toMatchObject({ kind: "join", utmSource: "embed", utmCampaign: "groups-ma" });
    const done = (await get(res.headers.get("location")!)).html;
    expect(done).toContain("Almost there: check your inbox");
    expect(done).not.toContain("site-header");
  });

  it("bad input comes back in the embed with the values and a reason per field (400)", async () => {
    const slug = await firstGroupSlug("ma");
    const res = await post("/embed/groups/ma/join", { _csrf: await embedToken("/embed/groups/ma"), group: slug, name: "Lucy", email: "lucy@", zip: "02139" });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain("Enter an e-mail address like name@example.com.");
    expect(html).toContain('value="lucy@"');
    expect(html).toContain('value="Lucy"');
    expect(html).not.toContain("site-header");

    const noGroup = await post("/embed/groups/ma/join", { _csrf: await embedToken("/embed/groups/ma"), group: "not-a-group", name: "Lucy", email: uniqueEmail(), zip: "02139" });
    expect(noGroup.status).toBe(400);
    expect(await noGroup.text()).toContain("Please choose one of the options.");
  });

  it("drops a bot that fills the honeypot", async () => {
    const email = uniqueEmail("embed-bot");
    const res = await post("/embed/groups/ma/join", { _csrf: await embedToken("/embed/groups/ma"), group: await firstGroupSlug("ma"), name: "Bot", email, zip: "02139", website: "x" });
    expect(res.status).toBe(303);
    expect(await t.ctx.db.select().from(people).where(eq(people.emailKey, email))).toHaveLength(0);
  });

  it("a join without the embed token is refused", async () => {
    const res = await post("/embed/groups/ma/join", { group: await firstGroupSlug("ma"), name: "Lucy", email: uniqueEmail(), zip: "02139" });
    expect(res.status).toBe(403);
  });

  it("a state without a group invites to start one and takes 'tell me when one starts'", async () => {
    const { html } = await get("/embed/groups/wy");
    expect(html).toMatch(/<a href="\/start-a-group\?state=WY" target="_blank" rel="noopener">Start a group in Wyoming/);
    expect(html).toContain('action="/embed/groups/wy/wait"');
    const email = uniqueEmail("embed-wait");
    const res = await post("/embed/groups/wy/wait", { _csrf: await embedToken("/embed/groups/wy"), name: "Ada", email, zip: "82001" });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/embed/groups/wy/waiting?utm_source=embed&utm_campaign=groups-wy");
    expect(await t.ctx.db.select().from(mailMessages).where(eq(mailMessages.toAddress, email))).toHaveLength(1);
    expect((await get(res.headers.get("location")!)).html).toContain("we will tell you when a group forms in Wyoming");
  });

  it("is in Spanish with ?lang=es; unknown states are a 404", async () => {
    const { html } = await get("/embed/groups/ma?lang=es");
    expect(html).toContain("Grupos por Medicare para Todos en Massachusetts");
    expect(html).toContain('action="/embed/groups/ma/join?lang=es"');
    expect((await get("/embed/groups/zz")).res.status).toBe(404);
  });
});

describe("the snippet", () => {
  it("the campaign page and each state page offer the iframe code with the absolute embed address", async () => {
    const act = (await get("/act/medicare-for-all")).html;
    expect(act).toContain("Put this on your website");
    expect(act).toContain(
      "&lt;iframe src=&quot;http://localhost:3000/embed/act/medicare-for-all&quot; title=&quot;Get your members of Congress on board for Medicare for All&quot; width=&quot;100%&quot; height=&quot;640&quot; style=&quot;border:0&quot; loading=&quot;lazy&quot;&gt;&lt;/iframe&gt;",
    );
    const state = (await get("/groups/ma")).html;
    expect(state).toContain("&lt;iframe src=&quot;http://localhost:3000/embed/groups/ma&quot; title=&quot;Medicare for All groups in Massachusetts&quot;");
    expect((await get("/groups/ma?lang=es")).html).toContain("http://localhost:3000/embed/groups/ma?lang=es");
  });
});
