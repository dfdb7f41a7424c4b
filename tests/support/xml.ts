/**
 * A small, strict XML reader for tests: enough of XML 1.0 to check that a document the app
 * writes (the Atom feed) is well-formed and to read it back. Throws on anything it does not
 * accept: unclosed or mismatched tags, unquoted or repeated attributes, a bare "<" or "&",
 * unknown entities, text outside the root. No DTDs, CDATA or processing instructions other
 * than the XML declaration.
 */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: (XmlElement | string)[];
}

const NAME = /^[A-Za-z_][\w.:-]*/;
const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function decode(text: string, at: number): string {
  if (text.includes("<")) throw new Error(`bare "<" near offset ${at}`);
  return text.replace(/&([^;\s&]*);?/g, (whole, ref: string) => {
    if (!whole.endsWith(";")) throw new Error(`bare "&" near offset ${at}`);
    if (ref in ENTITIES) return ENTITIES[ref]!;
    const numeric = /^#(?:x([0-9a-fA-F]+)|([0-9]+))$/.exec(ref);
    if (numeric) return String.fromCodePoint(numeric[1] ? parseInt(numeric[1], 16) : Number(numeric[2]));
    throw new Error(`unknown entity &${ref}; near offset ${at}`);
  });
}

export function parseXml(source: string): XmlElement {
  let pos = 0;
  const rest = () => source.slice(pos);
  const skipSpace = () => {
    while (pos < source.length && /\s/.test(source[pos]!)) pos++;
  };
  if (source.startsWith("<?xml")) {
    const end = source.indexOf("?>");
    if (end < 0) throw new Error("unclosed XML declaration");
    pos = end + 2;
  }
  skipSpace();

  function element(): XmlElement {
    if (source[pos] !== "<") throw new Error(`expected "<" at offset ${pos}`);
    pos++;
    const name = NAME.exec(rest())?.[0];
    if (!name) throw new Error(`bad tag name at offset ${pos}`);
    pos += name.length;
    const attributes: Record<string, string> = {};
    for (;;) {
      const before = pos;
      skipSpace();
      if (source.startsWith("/>", pos)) {
        pos += 2;
        return { name, attributes, children: [] };
      }
      if (source[pos] === ">") {
        pos++;
        break;
      }
      if (pos === before) throw new Error(`expected space between attributes at offset ${pos}`);
      const attr = NAME.exec(rest())?.[0];
      if (!attr) throw new Error(`bad attribute at offset ${pos}`);
      pos += attr.length;
      skipSpace();
      if (source[pos] !== "=") throw new Error(`attribute ${attr} without "=" at offset ${pos}`);
      pos++;
      skipSpace();
      const quote = source[pos];
      if (quote !== '"' && quote !== "'") throw new Error(`unquoted attribute ${attr} at offset ${pos}`);
      const end = source.indexOf(quote, pos + 1);
      if (end < 0) throw new Error(`unclosed attribute ${attr}`);
      if (attr in attributes) throw new Error(`repeated attribute ${attr}`);
      attributes[attr] = decode(source.slice(pos + 1, end), pos);
      pos = end + 1;
    }
    const children: (XmlElement | string)[] = [];
    for (;;) {
      if (pos >= source.length) throw new Error(`<${name}> is never closed`);
      if (source.startsWith("</", pos)) {
        pos += 2;
        const closing = NAME.exec(rest())?.[0];
        if (closing !== name) throw new Error(`</${closing}> closes <${name}> at offset ${pos}`);
        pos += closing.length;
        skipSpace();
        if (source[pos] !== ">") throw new Error(`bad closing tag at offset ${pos}`);
        pos++;
        return { name, attributes, children };
      }
      if (source.startsWith("<!--", pos)) {
        const end = source.indexOf("-->", pos);
        if (end < 0) throw new Error("unclosed comment");
        pos = end + 3;
        continue;
      }
      if (source[pos] === "<") {
        children.push(element());
        continue;
      }
      const next = source.indexOf("<", pos);
      const end = next < 0 ? source.length : next;
      children.push(decode(source.slice(pos, end), pos));
      pos = end;
    }
  }

  const root = element();
  skipSpace();
  if (pos !== source.length) throw new Error(`content after the root element at offset ${pos}`);
  return root;
}

/** Child elements called `name`. */
export const childrenNamed = (element: XmlElement, name: string) => element.children.filter((c): c is XmlElement => typeof c !== "string" && c.name === name);

/** The one child called `name` (throws when there is none or several). */
export function child(element: XmlElement, name: string): XmlElement {
  const found = childrenNamed(element, name);
  if (found.length !== 1) throw new Error(`<${element.name}> has ${found.length} <${name}> elements`);
  return found[0]!;
}

/** The text inside an element. */
export const textOf = (element: XmlElement): string => element.children.map((c) => (typeof c === "string" ? c : textOf(c))).join("");
