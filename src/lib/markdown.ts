/**
 * A small Markdown subset for broadcasts and group descriptions, safe by construction: every
 * character of input is escaped, and only the constructs below produce tags. Links must be
 * http(s) or mailto. No raw HTML passes through, so there is nothing to sanitize afterwards.
 *
 * Blocks: paragraphs, # to ### headings, - or * lists, 1. lists, > quotes, --- rules.
 * Inline: **bold**, *italic* or _italic_, [text](url), <https://bare.url>.
 */
export interface RenderedMarkdown {
  html: string;
  text: string;
}

type Block =
  | { kind: "heading"; level: 1 | 2 | 3; text: string }
  | { kind: "paragraph"; text: string }
  | { kind: "list"; ordered: boolean; items: string[] }
  | { kind: "quote"; text: string }
  | { kind: "rule" };

export function renderMarkdown(source: string): RenderedMarkdown {
  const blocks = parseBlocks(source.replace(/\r\n?/g, "\n"));
  return {
    html: blocks.map(blockToHtml).join("\n"),
    text: blocks.map(blockToText).join("\n\n"),
  };
}

function parseBlocks(source: string): Block[] {
  const blocks: Block[] = [];
  const lines = source.split("\n");
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] ?? "";
    if (line.trim() === "") {
      i++;
      continue;
    }
    const heading = /^(#{1,3})\s+(.*)$/.exec(line);
    if (heading) {
      blocks.push({ kind: "heading", level: heading[1]!.length as 1 | 2 | 3, text: heading[2]!.trim() });
      i++;
      continue;
    }
    if (/^\s*(-{3,}|\*{3,})\s*$/.test(line)) {
      blocks.push({ kind: "rule" });
      i++;
      continue;
    }
    const bullet = /^\s*[-*]\s+/;
    const numbered = /^\s*\d+[.)]\s+/;
    if (bullet.test(line) || numbered.test(line)) {
      const ordered = numbered.test(line);
      const marker = ordered ? numbered : bullet;
      const items: string[] = [];
      while (i < lines.length && marker.test(lines[i] ?? "")) {
        items.push((lines[i] ?? "").replace(marker, "").trim());
        i++;
      }
      blocks.push({ kind: "list", ordered, items });
      continue;
    }
    if (/^\s*>/.test(line)) {
      const quoted: string[] = [];
      while (i < lines.length && /^\s*>/.test(lines[i] ?? "")) {
        quoted.push((lines[i] ?? "").replace(/^\s*>\s?/, ""));
        i++;
      }
      blocks.push({ kind: "quote", text: quoted.join(" ").trim() });
      continue;
    }
    const paragraph: string[] = [];
    while (i < lines.length && (lines[i] ?? "").trim() !== "" && !/^(#{1,3}\s|\s*[-*]\s|\s*\d+[.)]\s|\s*>)/.test(lines[i] ?? "")) {
      paragraph.push((lines[i] ?? "").trim());
      i++;
    }
    if (paragraph.length === 0) {
      // A line that looked like the start of a block but was not one: keep it as text.
      paragraph.push(line.trim());
      i++;
    }
    blocks.push({ kind: "paragraph", text: paragraph.join(" ") });
  }
  return blocks;
}

function blockToHtml(block: Block): string {
  switch (block.kind) {
    case "heading":
      return `<h${block.level}>${inlineHtml(block.text)}</h${block.level}>`;
    case "paragraph":
      return `<p>${inlineHtml(block.text)}</p>`;
    case "quote":
      return `<blockquote><p>${inlineHtml(block.text)}</p></blockquote>`;
    case "rule":
      return "<hr>";
    case "list": {
      const tag = block.ordered ? "ol" : "ul";
      return `<${tag}>${block.items.map((item) => `<li>${inlineHtml(item)}</li>`).join("")}</${tag}>`;
    }
  }
}

function blockToText(block: Block): string {
  switch (block.kind) {
    case "heading":
      return inlineText(block.text).toUpperCase();
    case "paragraph":
      return inlineText(block.text);
    case "quote":
      return `> ${inlineText(block.text)}`;
    case "rule":
      return "----";
    case "list":
      return block.items.map((item, n) => `${block.ordered ? `${n + 1}.` : "-"} ${inlineText(item)}`).join("\n");
  }
}

const LINK = /\[([^\]]+)\]\(([^)\s]+)\)|<((?:https?:\/\/|mailto:)[^>\s]+)>/g;

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch]!);
}

function safeUrl(url: string): string | undefined {
  return /^(https?:\/\/|mailto:)/i.test(url) ? url : undefined;
}

function inlineHtml(text: string): string {
  let out = "";
  let last = 0;
  for (const match of text.matchAll(LINK)) {
    out += emphasisHtml(escapeHtml(text.slice(last, match.index)));
    const label = match[1] ?? match[3] ?? "";
    const url = safeUrl(match[2] ?? match[3] ?? "");
    out += url ? `<a href="${escapeHtml(url)}">${emphasisHtml(escapeHtml(label))}</a>` : emphasisHtml(escapeHtml(match[0]));
    last = match.index + match[0].length;
  }
  return out + emphasisHtml(escapeHtml(text.slice(last)));
}

function emphasisHtml(escaped: string): string {
  return escaped
    .replace(/\*\*(?=\S)(.+?)(?<=\S)\*\*/g, "<strong>$1</strong>")
    .replace(/(^|[^*\w])\*(?=\S)(.+?)(?<=\S)\*(?!\*)/g, "$1<em>$2</em>")
    .replace(/(^|[^\w])_(?=\S)(.+?)(?<=\S)_(?!\w)/g, "$1<em>$2</em>");
}

function inlineText(text: string): string {
  return text
    .replace(LINK, (_all, label: string | undefined, url: string | undefined, bare: string | undefined) =>
      bare ? bare : safeUrl(url ?? "") ? `${label} (${url})` : `${label}`,
    )
    .replace(/\*\*(.+?)\*\*/g, "$1")
    .replace(/(^|[^*\w])\*(?=\S)(.+?)(?<=\S)\*/g, "$1$2")
    .replace(/(^|[^\w])_(?=\S)(.+?)(?<=\S)_(?!\w)/g, "$1$2");
}
