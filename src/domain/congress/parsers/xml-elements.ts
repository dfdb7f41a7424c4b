/**
 * A small, strict reader for plain data XML such as govinfo's BILLSTATUS files: elements,
 * character data, CDATA sections, comments and the XML declaration. Attributes are checked for
 * form and then ignored (BILLSTATUS keeps its data in elements). DOCTYPE declarations are
 * refused, so no entity expansion can happen. Anything not well-formed throws an XmlSyntaxError
 * with the line it was found on. See docs/decisions/0010-cosponsor-import.md for why this is
 * not a dependency.
 */
export interface XmlElement {
  name: string;
  /** 1-based line of the start tag. */
  line: number;
  children: XmlElement[];
  /** The element's own character data (not its children's), entities decoded, untrimmed. */
  text: string;
}

export class XmlSyntaxError extends Error {
  override name = "XmlSyntaxError";
  constructor(
    readonly line: number,
    readonly detail: string,
  ) {
    super(`line ${line}: ${detail}`);
  }
}

const NAME = /[A-Za-z_][\w.:-]*/y;
const ATTRIBUTES = /^(?:\s+[A-Za-z_][\w.:-]*\s*=\s*(?:"[^"<]*"|'[^'<]*'))*\s*$/;
const NAMED_ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

export function parseXml(source: string): XmlElement {
  const text = source.startsWith("\uFEFF") ? source.slice(1) : source;
  const newlines: number[] = [];
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) newlines.push(i);
  const lineAt = (position: number) => {
    let low = 0;
    let high = newlines.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (newlines[mid]! < position) low = mid + 1;
      else high = mid;
    }
    return low + 1;
  };
  const fail = (position: number, detail: string): never => {
    throw new XmlSyntaxError(lineAt(position), detail);
  };
  const until = (position: number, marker: string, what: string) => {
    const end = text.indexOf(marker, position);
    if (end === -1) fail(position, `${what} is never closed (no "${marker}")`);
    return end;
  };

  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let position = 0;
  while (position < text.length) {
    const open = text.indexOf("<", position);
    const chunkEnd = open === -1 ? text.length : open;
    if (chunkEnd > position) {
      const chunk = text.slice(position, chunkEnd);
      const current = stack.at(-1);
      if (current) current.text += decodeEntities(chunk, position, fail);
      else if (chunk.trim() !== "") fail(position, `text outside the root element: ${JSON.stringify(chunk.trim().slice(0, 40))}`);
      position = chunkEnd;
      continue;
    }
    if (text.startsWith("<?", position)) {
      position = until(position, "?>", "a processing instruction") + 2;
    } else if (text.startsWith("<!--", position)) {
      position = until(position + 4, "-->", "a comment") + 3;
    } else if (text.startsWith("<![CDATA[", position)) {
      const current = stack.at(-1) ?? fail(position, "a CDATA section outside the root element");
      const end = until(position + 9, "]]>", "a CDATA section");
      current.text += text.slice(position + 9, end);
      position = end + 3;
    } else if (text.startsWith("<!", position)) {
      fail(position, "DOCTYPE and other declarations are not accepted");
    } else if (text.startsWith("</", position)) {
      const name = readName(text, position + 2) ?? fail(position, "a closing tag without a name");
      const end = position + 2 + name.length;
      const close = /^\s*>/.exec(text.slice(end, end + 64)) ?? fail(end, `</${name} is not closed with ">"`);
      const current = stack.pop() ?? fail(position, `</${name}> closes nothing`);
      if (current.name !== name) fail(position, `</${name}> closes <${current.name}> (opened on line ${current.line})`);
      position = end + close[0].length;
    } else {
      const name = readName(text, position + 1) ?? fail(position, 'a "<" that does not start a tag (write &lt; in text)');
      const end = until(position, ">", `<${name}`);
      const selfClosing = text[end - 1] === "/";
      const attributes = text.slice(position + 1 + name.length, selfClosing ? end - 1 : end);
      if (!ATTRIBUTES.test(attributes)) fail(position, `<${name}> has malformed attributes`);
      if (stack.length === 0 && root) fail(position, `a second root element <${name}> after </${root.name}>`);
      const element: XmlElement = { name, line: lineAt(position), children: [], text: "" };
      const parent = stack.at(-1);
      if (parent) parent.children.push(element);
      else root = element;
      if (!selfClosing) stack.push(element);
      position = end + 1;
    }
  }
  const unclosed = stack.at(-1);
  if (unclosed) fail(text.length, `the file ends before <${unclosed.name}> (opened on line ${unclosed.line}) is closed`);
  return root ?? fail(0, "no XML element found");
}

function readName(text: string, position: number): string | undefined {
  NAME.lastIndex = position;
  return NAME.exec(text)?.[0];
}

function decodeEntities(chunk: string, offset: number, fail: (position: number, detail: string) => never): string {
  if (!chunk.includes("&")) return chunk;
  return chunk.replace(/&([^;\s&]*);?/g, (match, body: string, at: number) => {
    if (!match.endsWith(";")) return fail(offset + at, `a bare "&" (write &amp;)`);
    const named = NAMED_ENTITIES[body];
    if (named !== undefined) return named;
    const numeric = /^#(?:x([0-9A-Fa-f]{1,6})|(\d{1,7}))$/.exec(body);
    const code = numeric ? Number.parseInt(numeric[1] ?? numeric[2]!, numeric[1] ? 16 : 10) : Number.NaN;
    if (!Number.isInteger(code) || code > 0x10ffff || code === 0) return fail(offset + at, `unknown entity ${match}`);
    return String.fromCodePoint(code);
  });
}

/** The first child element called `name`. */
export function childElement(element: XmlElement, name: string): XmlElement | undefined {
  return element.children.find((child) => child.name === name);
}

/** The trimmed text of the first child called `name`; undefined when absent or empty. */
export function childText(element: XmlElement, name: string): string | undefined {
  const text = childElement(element, name)?.text.trim();
  return text ? text : undefined;
}
