// The load generator: autocannon in the bench process, a fixed number of connections each sending
// its next request as soon as the previous one is answered, for a fixed time after a warm-up.
import autocannon from "autocannon";

/** One request of the load; `setupRequest` may vary the path, headers and body of each. */
export type LoadRequest = autocannon.Request;

export interface LoadTarget {
  /** The server's base URL. */
  url: string;
  method: "GET" | "POST";
  path: string;
  /** For requests that differ from one to the next (report creation). */
  requests?: LoadRequest[];
  /** Run before the warm-up and before the measurement, outside the measured time. */
  prepare?: () => Promise<void>;
}

export interface LoadResult {
  /** Answered requests per second (any status). */
  requestsPerSecond: number;
  /** Latency percentiles in milliseconds, over every answered request. */
  p50: number;
  p95: number;
  p99: number;
  responses: number;
  /** Connection errors and timeouts. */
  errors: number;
  /** Answers with a status other than 2xx. */
  non2xx: number;
  /** Answers by status code. */
  statusCodes: Record<string, number>;
  seconds: number;
}

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] as number;
}

function run(target: LoadTarget, seconds: number, connections: number): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const latencies: number[] = [];
    const statusCodes: Record<string, number> = {};
    const started = performance.now();
    const instance = autocannon(
      {
        url: `${target.url}${target.path}`,
        method: target.method,
        requests: target.requests,
        connections,
        duration: seconds,
        timeout: 60,
      },
      (error, result) => {
        if (error) return reject(error);
        const elapsed = (performance.now() - started) / 1000;
        latencies.sort((a, b) => a - b);
        resolve({
          requestsPerSecond: latencies.length / elapsed,
          p50: percentile(latencies, 50),
          p95: percentile(latencies, 95),
          p99: percentile(latencies, 99),
          responses: latencies.length,
          errors: result.errors + result.timeouts,
          non2xx: result.non2xx,
          statusCodes,
          seconds: elapsed,
        });
      },
    );
    instance.on("response", (_client, statusCode: number, _bytes: number, responseTime: number) => {
      latencies.push(responseTime);
      statusCodes[statusCode] = (statusCodes[statusCode] ?? 0) + 1;
    });
  });
}

/** A warm-up (its figures dropped), then the measurement. */
export async function measure(
  target: LoadTarget,
  options: { duration: number; warmup: number; connections: number },
): Promise<LoadResult> {
  await target.prepare?.();
  await run(target, options.warmup, options.connections);
  await target.prepare?.();
  return run(target, options.duration, options.connections);
}
