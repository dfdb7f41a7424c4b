import { mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { test as base, expect, type Page } from "@playwright/test";

export { expect };

/** Where journeys save the screenshots people look at (test-results/ is not committed). */
export const screenshotDir = join("test-results", "screenshots");
mkdirSync(screenshotDir, { recursive: true });

const LOCAL_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);

/** Any request from the page to somewhere other than this machine breaks the no-trackers promise. */
function leavesLocalhost(url: string): boolean {
  const parsed = new URL(url);
  if (parsed.protocol === "data:" || parsed.protocol === "blob:" || parsed.protocol === "about:") return false;
  return !LOCAL_HOSTS.has(parsed.hostname);
}

/**
 * Every journey also checks that its page made no request off the machine: no fonts, CDNs,
 * analytics or images from elsewhere. Links to sources are fine; they are not fetched.
 */
export const test = base.extend<{ offsiteRequests: string[] }>({
  offsiteRequests: [
    async ({ page }, use) => {
      const offsite: string[] = [];
      page.on("request", (request) => {
        if (leavesLocalhost(request.url())) offsite.push(`${request.method()} ${request.url()}`);
      });
      await use(offsite);
      expect(offsite, "requests that left localhost").toEqual([]);
    },
    { auto: true },
  ],
});

const axePath = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/**
 * Run axe-core on the current page and return its violations in a readable form. The context
 * must be created with `bypassCSP: true`: the app's CSP (`script-src 'self'`) rightly blocks
 * the injected script otherwise.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: axePath });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document) => Promise<{ violations: unknown[] }> } }).axe;
    const result = await axe.run(document);
    return result.violations as AxeViolation[];
  });
  return violations.map(
    (v) => `${v.id} (${v.impact ?? "?"}): ${v.help} at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
  );
}
