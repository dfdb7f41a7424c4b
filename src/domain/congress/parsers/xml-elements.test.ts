import { describe, expect, it } from "vitest";
import { childElement, childText, parseXml, XmlSyntaxError } from "./xml-elements.js";

describe("parseXml", () => {
  it("reads nested elements, text, CDATA, entities and empty elements, skipping the declaration and comments", () => {
    const root = parseXml(
      `\uFEFF<?xml version="1.0" encoding="utf-8"?>\n<!-- hi -->\n<a x="1" y='2'>\n  <b>one &amp; &lt;two&gt; &#167; &#x41;</b>\n  <c><![CDATA[<p>raw & kept</p>]]></c>\n  <d/>\n  <b>again</b>\n</a>\n`,
    );
    expect(root.name).toBe("a");
    expect(root.children.map((child) => [child.name, child.line])).toEqual([
      ["b", 4],
      ["c", 5],
      ["d", 6],
      ["b", 7],
    ]);
    expect(childText(root, "b")).toBe("one & <two> § A");
    expect(childText(root, "c")).toBe("<p>raw & kept</p>");
    expect(childText(root, "d")).toBeUndefined();
    expect(childElement(root, "d")).toMatchObject({ name: "d", children: [], text: "" });
    expect(childText(root, "missing")).toBeUndefined();
  });

  const problem = (xml: string) => {
    try {
      parseXml(xml);
    } catch (error) {
      if (error instanceof XmlSyntaxError) return error.message;
      throw error;
    }
    throw new Error("parsed without complaint");
  };

  it("refuses XML that is not well-formed, saying where", () => {
    expect(problem("<a>\n<b></a>")).toBe("line 2: </a> closes <b> (opened on line 2)");
    expect(problem("<a>\n  <b>text</b>\n")).toBe("line 3: the file ends before <a> (opened on line 1) is closed");
    expect(problem("<a>Tom & Jerry</a>")).toBe('line 1: a bare "&" (write &amp;)');
    expect(problem("<a>&nbsp;</a>")).toBe("line 1: unknown entity &nbsp;");
    expect(problem("<a>1 < 2</a>")).toBe('line 1: a "<" that does not start a tag (write &lt; in text)');
    expect(problem("<a></a><b></b>")).toBe("line 1: a second root element <b> after </a>");
    expect(problem("hello <a></a>")).toBe('line 1: text outside the root element: "hello"');
    expect(problem("</a>")).toBe("line 1: </a> closes nothing");
    expect(problem('<a x="1></a>')).toBe("line 1: <a> has malformed attributes");
    expect(problem("<a><!-- open </a>")).toBe('line 1: a comment is never closed (no "-->")');
    expect(problem("")).toBe("line 1: no XML element found");
  });

  it("refuses DOCTYPE declarations, so no entity can expand", () => {
    expect(problem('<!DOCTYPE a [<!ENTITY x "boom">]><a>&x;</a>')).toBe("line 1: DOCTYPE and other declarations are not accepted");
  });
});
