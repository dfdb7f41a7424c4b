import { escapeHtml } from "../../lib/markdown.js";

/** Escape text for an SVG/HTML attribute value or text node (& < > " ' all become entities). */
export const esc = escapeHtml;

/**
 * A link target for a map, escaped for its attribute. Only site paths ("/…", "?…", "#…") and
 * http(s) URLs pass: a "javascript:" or "data:" URL is a programming error, so it throws.
 */
export function safeHref(href: string): string {
  const scheme = /^\s*([a-z][a-z0-9+.-]*):/i.exec(href);
  if (scheme && !/^https?$/i.test(scheme[1]!)) throw new Error(`Map links must be site paths or http(s) URLs, not ${scheme[1]}:`);
  return esc(href);
}

/** An id prefix for <title>/<desc>; it must be unique on the page and safe to use unescaped. */
export function checkIdPrefix(idPrefix: string): string {
  if (!/^[A-Za-z][\w-]*$/.test(idPrefix)) throw new Error(`Map idPrefix must be letters, digits, "-" or "_": ${idPrefix}`);
  return idPrefix;
}

/** The opening <svg> with its accessible name (from <title>) and description (from <desc>). */
export function svgOpen(options: { className: string; viewBox: string; idPrefix: string; title: string; desc: string }): string {
  const id = checkIdPrefix(options.idPrefix);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="${esc(options.className)}" viewBox="${options.viewBox}"` +
    ` role="group" aria-labelledby="${id}-title" aria-describedby="${id}-desc">` +
    `<title id="${id}-title">${esc(options.title)}</title><desc id="${id}-desc">${esc(options.desc)}</desc>`
  );
}
