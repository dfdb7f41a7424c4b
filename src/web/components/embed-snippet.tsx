import type { View } from "../view.js";

const attribute = (value: string) => value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/**
 * "Put this on your website": the iframe code for an embed (decision 0014), to copy into a
 * partner's page. Absolute (PUBLIC_URL), in the page's language when it is not English.
 */
export function EmbedSnippet({ view, path, title }: { view: View; path: string; title: string }) {
  const e = view.t.embed;
  const src = view.absoluteUrl(view.locale === "en" ? path : `${path}?lang=${view.locale}`);
  const code = `<iframe src="${attribute(src)}" title="${attribute(title)}" width="100%" height="640" style="border:0" loading="lazy"></iframe>`;
  return (
    <details class="embed-snippet">
      <summary>{e.snippetHeading}</summary>
      <p>{e.snippetLead}</p>
      <div class="field">
        <label for="embed-code">{e.snippetLabel}</label>
        <textarea id="embed-code" rows={4} readonly>
          {code}
        </textarea>
      </div>
    </details>
  );
}
