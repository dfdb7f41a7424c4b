/**
 * The congress.gov API v3 (https://api.congress.gov, free key from https://api.congress.gov/sign-up/).
 * Only what the cosponsor import needs. The key goes in the query string as the API documents;
 * it never appears in an error message, a log line or a returned value.
 */
export interface CongressGovClient {
  /**
   * The raw JSON of `/v3/bill/{congress}/{type}/{number}/cosponsors` for a bill id such as
   * "119-hr3069", every page fetched and merged into one response (`pagination.next` removed).
   * Validating it is the parser's job (domain/congress/parsers/congress-gov-cosponsors-json.ts).
   */
  fetchCosponsors(billId: string): Promise<unknown>;
}

export class CongressGovError extends Error {
  override name = "CongressGovError";
  constructor(
    /** The URL without the API key. */
    readonly url: string,
    readonly reason: string,
  ) {
    super(`congress.gov: ${url}: ${reason}`);
  }
}

export interface CongressGovOptions {
  apiKey: string;
  /** Defaults to https://api.congress.gov/v3; tests point it elsewhere. */
  baseUrl?: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
  /** Most pages followed (250 cosponsors each) before giving up on a runaway `next` chain. */
  maxPages?: number;
}

const PAGE_SIZE = 250;

export function createCongressGovClient(options: CongressGovOptions): CongressGovClient {
  const baseUrl = (options.baseUrl ?? "https://api.congress.gov/v3").replace(/\/$/, "");
  const origin = new URL(baseUrl).origin;
  const fetchImpl = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const maxPages = options.maxPages ?? 20;

  /** Shown in messages: the address without api_key. */
  const shown = (url: URL) => {
    const copy = new URL(url);
    copy.searchParams.delete("api_key");
    return copy.toString();
  };

  async function getJson(url: URL): Promise<unknown> {
    const withKey = new URL(url);
    withKey.searchParams.set("api_key", options.apiKey);
    let response: Response;
    try {
      response = await fetchImpl(withKey, { signal: AbortSignal.timeout(timeoutMs), headers: { accept: "application/json" } });
    } catch (error) {
      const cause = error as Error;
      const reason = cause.name === "TimeoutError" ? `no answer within ${timeoutMs / 1000} s` : redact(cause.message, options.apiKey);
      throw new CongressGovError(shown(url), `could not connect (${reason}); check the network`);
    }
    if (!response.ok) {
      const hint =
        response.status === 403 || response.status === 401
          ? "the API key was refused; check CONGRESS_API_KEY (get one at https://api.congress.gov/sign-up/)"
          : response.status === 404
            ? "congress.gov does not know this bill"
            : response.status === 429
              ? "rate limited; wait an hour or use a saved file with --file"
              : "the service had a problem; try again later or use a saved file with --file";
      throw new CongressGovError(shown(url), `HTTP ${response.status}: ${hint}`);
    }
    try {
      return await response.json();
    } catch {
      throw new CongressGovError(shown(url), "the answer is not JSON");
    }
  }

  return {
    async fetchCosponsors(billId) {
      const match = /^(\d{1,3})-([a-z]+)(\d{1,5})$/.exec(billId);
      if (!match) throw new Error(`not a bill id: ${JSON.stringify(billId)}`);
      let url = new URL(`${baseUrl}/bill/${match[1]}/${match[2]}/${match[3]}/cosponsors`);
      url.searchParams.set("format", "json");
      url.searchParams.set("limit", String(PAGE_SIZE));

      const first = await getJson(url);
      if (!isPage(first)) return first; // not a cosponsors page: the parser says what is wrong with it
      const cosponsors = [...first.cosponsors];
      let page = first;
      for (let pages = 1; typeof page.pagination.next === "string" && page.pagination.next !== ""; pages++) {
        if (pages >= maxPages) throw new CongressGovError(shown(url), `more than ${maxPages} pages of cosponsors; stopped`);
        const next = new URL(page.pagination.next);
        // The key goes only to congress.gov itself, whatever a response says.
        if (next.origin !== origin) throw new CongressGovError(shown(url), `pagination.next points elsewhere: ${shown(next)}`);
        next.searchParams.set("format", "json");
        url = next;
        const body = await getJson(url);
        if (!isPage(body)) throw new CongressGovError(shown(url), "page is not a cosponsors list");
        cosponsors.push(...body.cosponsors);
        page = body;
      }
      const { next: _next, ...pagination } = first.pagination;
      return { ...first, cosponsors, pagination };
    },
  };
}

type Page = { cosponsors: unknown[]; pagination: { next?: unknown; [key: string]: unknown }; [key: string]: unknown };

function isPage(body: unknown): body is Page {
  const page = body as Partial<Page> | null;
  return typeof page === "object" && page !== null && Array.isArray(page.cosponsors) && typeof page.pagination === "object" && page.pagination !== null;
}

function redact(text: string, secret: string): string {
  return secret ? text.split(secret).join("***") : text;
}
