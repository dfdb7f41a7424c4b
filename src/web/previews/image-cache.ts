import { cardFingerprint, type CardContent } from "./card.js";
import { renderCardPng } from "./render-card.js";

export interface CachedImage {
  fingerprint: string;
  png: Buffer;
}

/**
 * Drawn images in memory, keyed by the fingerprint of what they show: a card whose numbers
 * changed has a new key and is drawn again; an unchanged one is served from here. Nothing needs
 * invalidating: stale entries simply stop being asked for and age out. Bounded by total bytes,
 * least recently used first. Concurrent requests for the same card share one render.
 */
export class PreviewImageCache {
  private readonly entries = new Map<string, Promise<Buffer>>();
  private readonly sizes = new Map<string, number>();
  private bytes = 0;
  /** How many images were drawn (for tests and benchmarks). */
  renders = 0;

  constructor(
    private readonly options: { maxBytes: number; render?: (content: CardContent) => Promise<Buffer> } = { maxBytes: 32 * 1024 * 1024 },
  ) {}

  async get(content: CardContent): Promise<CachedImage> {
    const fingerprint = cardFingerprint(content);
    let entry = this.entries.get(fingerprint);
    if (entry) {
      // Most recently used goes last in the Map's order.
      this.entries.delete(fingerprint);
      this.entries.set(fingerprint, entry);
    } else {
      this.renders += 1;
      entry = (this.options.render ?? renderCardPng)(content);
      this.entries.set(fingerprint, entry);
      entry.then(
        (png) => this.account(fingerprint, entry!, png.byteLength),
        () => this.entries.get(fingerprint) === entry && this.entries.delete(fingerprint),
      );
    }
    return { fingerprint, png: await entry };
  }

  get size(): number {
    return this.entries.size;
  }

  private account(fingerprint: string, entry: Promise<Buffer>, byteLength: number) {
    if (this.entries.get(fingerprint) !== entry) return;
    this.sizes.set(fingerprint, byteLength);
    this.bytes += byteLength;
    for (const [key] of this.entries) {
      if (this.bytes <= this.options.maxBytes || key === fingerprint) break;
      const size = this.sizes.get(key);
      if (size === undefined) continue; // still rendering
      this.entries.delete(key);
      this.sizes.delete(key);
      this.bytes -= size;
    }
  }
}

/** The process's images: about 400 cards of 50–110 KB fit in 32 MiB. */
export const previewImages = new PreviewImageCache();
