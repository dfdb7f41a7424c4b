import { describe, expect, it } from "vitest";
import { renderMarkdown } from "./markdown.js";

describe("renderMarkdown", () => {
  it("renders headings, paragraphs, lists, quotes and emphasis", () => {
    const { html } = renderMarkdown("# Call day\n\nCall your **senator** *today*.\nIt takes _two_ minutes.\n\n- Find your member\n- Call\n\n1. one\n2. two\n\n> Health care is a human right\n\n---");
    expect(html).toBe(
      [
        "<h1>Call day</h1>",
        "<p>Call your <strong>senator</strong> <em>today</em>. It takes <em>two</em> minutes.</p>",
        "<ul><li>Find your member</li><li>Call</li></ul>",
        "<ol><li>one</li><li>two</li></ol>",
        "<blockquote><p>Health care is a human right</p></blockquote>",
        "<hr>",
      ].join("\n"),
    );
  });

  it("escapes raw HTML instead of passing it through", () => {
    const { html } = renderMarkdown('<script>alert(1)</script> <img src=x onerror="alert(2)"> & "quotes"');
    expect(html).toBe("<p>&lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=&quot;alert(2)&quot;&gt; &amp; &quot;quotes&quot;</p>");
  });

  it("links only http(s) and mailto URLs", () => {
    const { html } = renderMarkdown("[site](https://example.org/a?b=1&c=2) [bad](javascript:alert(1)) <https://x.org> [mail](mailto:a@b.org)");
    expect(html).toContain('<a href="https://example.org/a?b=1&amp;c=2">site</a>');
    expect(html).not.toMatch(/href="javascript/i);
    expect(html).toContain("[bad](javascript:alert(1))");
    expect(html).toContain('<a href="https://x.org">https://x.org</a>');
    expect(html).toContain('<a href="mailto:a@b.org">mail</a>');
  });

  it("makes a plain-text version with links spelled out", () => {
    const { text } = renderMarkdown("## Act now\n\nRead [the bill](https://congress.gov/x) **today**.\n\n- a\n- b");
    expect(text).toBe("ACT NOW\n\nRead the bill (https://congress.gov/x) today.\n\n- a\n- b");
  });

  it("does not treat snake_case or arithmetic as emphasis", () => {
    expect(renderMarkdown("use snake_case_names and 2*3*4").html).toBe("<p>use snake_case_names and 2*3*4</p>");
  });
});
