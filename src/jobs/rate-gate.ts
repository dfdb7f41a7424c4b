/**
 * Spaces out work to at most `perSecond` a second in this process (a token bucket with a small
 * burst). Broadcast sending waits on it, so a big send does not trip the mail provider's limits.
 */
export interface RateGate {
  take(): Promise<void>;
}

export function createRateGate(perSecond: number, burst = Math.max(1, Math.min(perSecond, 50))): RateGate {
  if (!Number.isFinite(perSecond) || perSecond <= 0) return { take: async () => {} };
  let tokens = burst;
  let last = performance.now();
  let queue: Promise<void> = Promise.resolve();
  const refill = () => {
    const now = performance.now();
    tokens = Math.min(burst, tokens + ((now - last) / 1000) * perSecond);
    last = now;
  };
  return {
    take() {
      // Chain callers so they are served in order and never over-spend the bucket.
      queue = queue.then(async () => {
        refill();
        if (tokens < 1) {
          await new Promise((resolve) => setTimeout(resolve, ((1 - tokens) / perSecond) * 1000));
          refill();
        }
        tokens -= 1;
      });
      return queue;
    },
  };
}
