import { CongressGovError, type CongressGovClient } from "./congress-gov.js";

/**
 * congress.gov for tests: answers with the bodies it was given by bill id, records what was
 * asked, and fails like the real client for a bill it does not know.
 */
export class FakeCongressGov implements CongressGovClient {
  readonly requests: string[] = [];
  constructor(private readonly responses: Record<string, unknown> = {}) {}

  set(billId: string, response: unknown) {
    this.responses[billId] = response;
  }

  async fetchCosponsors(billId: string): Promise<unknown> {
    this.requests.push(billId);
    const response = this.responses[billId];
    if (response === undefined) {
      const [congress, bill] = billId.split("-");
      const url = `https://api.congress.gov/v3/bill/${congress}/${bill?.replace(/\d+$/, "")}/${bill?.replace(/^\D+/, "")}/cosponsors?format=json&limit=250`;
      throw new CongressGovError(url, "HTTP 404: congress.gov does not know this bill");
    }
    if (response instanceof Error) throw response;
    return structuredClone(response);
  }
}
