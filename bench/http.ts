import http from "node:http";
import { pathToFileURL } from "node:url";

export interface LoadResult {
  path: string;
  concurrency: number;
  requests: number;
  errors: number;
  seconds: number;
  rps: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  bytesPerResponse: number;
  /** Server CPU time per request in microseconds, when the caller measured it. */
  cpuMicros?: number;
}

/**
 * A bounded closed-loop load test from Node: `concurrency` keep-alive connections each send
 * one request after another for `durationMs` (after an unmeasured warm-up), then stop.
 * Loopback only. Requests ask for gzip like browsers do, so compression is part of the cost.
 */
export async function loadTest(options: {
  baseUrl: string;
  path: string;
  concurrency?: number;
  durationMs?: number;
  warmupMs?: number;
  /** Ask for gzip like browsers do (default), or not, to see what compression costs. */
  gzip?: boolean;
  /** The server's CPU seconds so far; read around the measured part to get CPU per request. */
  serverCpuSeconds?: () => number | undefined;
}): Promise<LoadResult> {
  const url = new URL(options.path, options.baseUrl);
  if (!["127.0.0.1", "localhost", "[::1]"].includes(url.hostname)) throw new Error(`benchmarks only target loopback, not ${url.hostname}`);
  const concurrency = options.concurrency ?? 16;
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const headers: http.OutgoingHttpHeaders = { "accept-language": "en-US,en;q=0.9" };
  if (options.gzip ?? true) headers["accept-encoding"] = "gzip";
  try {
    await run(url, agent, headers, concurrency, options.warmupMs ?? 1000, undefined);
    const latencies: number[] = [];
    const stats = { errors: 0, bytes: 0 };
    const cpuBefore = options.serverCpuSeconds?.();
    const started = performance.now();
    await run(url, agent, headers, concurrency, options.durationMs ?? 5000, { latencies, stats });
    const seconds = (performance.now() - started) / 1000;
    const cpuAfter = options.serverCpuSeconds?.();
    const cpuMicros =
      cpuBefore === undefined || cpuAfter === undefined || latencies.length === 0
        ? undefined
        : Math.round(((cpuAfter - cpuBefore) * 1e6) / latencies.length);
    latencies.sort((a, b) => a - b);
    const pct = (p: number) => round(latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? 0);
    return {
      path: options.path,
      concurrency,
      requests: latencies.length,
      errors: stats.errors,
      seconds: round(seconds),
      rps: Math.round(latencies.length / seconds),
      p50: pct(50),
      p90: pct(90),
      p99: pct(99),
      max: round(latencies.at(-1) ?? 0),
      bytesPerResponse: latencies.length ? Math.round(stats.bytes / latencies.length) : 0,
      ...(cpuMicros === undefined ? {} : { cpuMicros }),
    };
  } finally {
    agent.destroy();
  }
}

async function run(
  url: URL,
  agent: http.Agent,
  headers: http.OutgoingHttpHeaders,
  concurrency: number,
  durationMs: number,
  record: { latencies: number[]; stats: { errors: number; bytes: number } } | undefined,
) {
  const until = performance.now() + durationMs;
  const loop = async () => {
    while (performance.now() < until) {
      const started = performance.now();
      const { status, bytes } = await get(url, agent, headers);
      if (!record) continue;
      record.latencies.push(performance.now() - started);
      record.stats.bytes += bytes;
      if (status !== 200) record.stats.errors++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, loop));
}

function get(url: URL, agent: http.Agent, headers: http.OutgoingHttpHeaders): Promise<{ status: number; bytes: number }> {
  return new Promise((resolve) => {
    const req = http.get(url, { agent, headers }, (res) => {
      let bytes = 0;
      res.on("data", (chunk: Buffer) => (bytes += chunk.length));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, bytes }));
      res.on("error", () => resolve({ status: 0, bytes }));
    });
    req.on("error", () => resolve({ status: 0, bytes: 0 }));
  });
}

const round = (n: number) => Math.round(n * 10) / 10;

export function formatLoadTable(rows: (LoadResult & { label: string })[]): string {
  const lines = [
    "| setup | path | conc. | requests | req/s | p50 ms | p90 ms | p99 ms | max ms | server CPU µs/req | bytes/resp | errors |",
    "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
  ];
  for (const r of rows) {
    lines.push(
      `| ${r.label} | \`${r.path}\` | ${r.concurrency} | ${r.requests} | ${r.rps} | ${r.p50} | ${r.p90} | ${r.p99} | ${r.max} | ${r.cpuMicros ?? "–"} | ${r.bytesPerResponse} | ${r.errors} |`,
    );
  }
  return lines.join("\n");
}

// `npx tsx bench/http.ts http://127.0.0.1:3000 [path…]`: load-test an app that is already running.
if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const [baseUrl = "http://127.0.0.1:3000", ...paths] = process.argv.slice(2);
  const rows = [];
  for (const path of paths.length ? paths : ["/", "/about/data", "/healthz"]) {
    rows.push({ label: baseUrl, ...(await loadTest({ baseUrl, path })) });
  }
  console.log(formatLoadTable(rows));
}
