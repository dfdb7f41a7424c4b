/**
 * Helpers for the map tests: read back the SVG the renderers write, so tests can check
 * positions against shapes instead of comparing strings.
 */

export type Ring = [number, number][];

/** Decode path data as CompactPath writes it ("M x y l dx dy dx dy … z", repeated) into rings. */
export function decodePath(d: string): Ring[] {
  const rings: Ring[] = [];
  for (const part of d.split("z")) {
    if (!part) continue;
    const match = /^M(-?\d+) (-?\d+)l(.*)$/.exec(part);
    if (!match) throw new Error(`Unexpected path data: ${part.slice(0, 40)}`);
    let x = Number(match[1]);
    let y = Number(match[2]);
    const ring: Ring = [[x, y]];
    const steps = (match[3]!.match(/-?\d+/g) ?? []).map(Number);
    if (steps.length % 2) throw new Error("Odd number of coordinates");
    for (let i = 0; i < steps.length; i += 2) {
      x += steps[i]!;
      y += steps[i + 1]!;
      ring.push([x, y]);
    }
    rings.push(ring);
  }
  return rings;
}

/** Even-odd point-in-polygon over all rings, as SVG's evenodd rule would fill them. */
export function insideRings(rings: Ring[], x: number, y: number): boolean {
  let inside = false;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i]!;
      const [xj, yj] = ring[j]!;
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

export function viewBoxOf(svg: string) {
  const match = /viewBox="(-?\d+) (-?\d+) (\d+) (\d+)"/.exec(svg);
  if (!match) throw new Error("No viewBox");
  const [x, y, width, height] = match.slice(1).map(Number) as [number, number, number, number];
  return { x, y, width, height };
}

/** Every <a …>…</a> in the SVG with its attributes decoded enough for tests. */
export function linksOf(svg: string) {
  return [...svg.matchAll(/<a href="([^"]*)" aria-label="([^"]*)">(.*?)<\/a>/g)].map((m) => ({
    href: m[1]!,
    label: m[2]!,
    inner: m[3]!,
  }));
}
