import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";

declare module "fastify" {
  interface FastifyInstance {
    /** Prometheus metrics of this app; null unless METRICS_TOKEN is set. */
    metrics: Registry | null;
  }
}

/** A request with no route (a 404, a refused URL) is counted under this one label, not its path. */
const NO_ROUTE = "(no route)";

/**
 * Prometheus metrics (prom-client), on when METRICS_TOKEN is set: requests and their latency per
 * route pattern (never the raw URL: one series per route, whatever the codes in the path), the
 * process's own figures (event loop lag, heap, CPU, GC) and the PostgreSQL connection pool.
 * Served by the operations plugin at /metrics to a scraper sending the token.
 */
export default fp(
  async (app: FastifyInstance, opts: { enabled: boolean }) => {
    if (!opts.enabled) {
      app.decorate("metrics", null);
      return;
    }
    const registry = new Registry();
    collectDefaultMetrics({ register: registry, prefix: "cpm_" });
    const labelNames = ["method", "route", "status_code"] as const;
    const requests = new Counter({
      name: "cpm_http_requests_total",
      help: "HTTP requests answered, by method, route pattern and status",
      labelNames,
      registers: [registry],
    });
    const duration = new Histogram({
      name: "cpm_http_request_duration_seconds",
      help: "Time from the request's arrival to its response, by method, route pattern and status",
      labelNames,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    });
    const pool = app.db.poolStats;
    if (pool) {
      new Gauge({
        name: "cpm_db_pool_connections",
        help: "Connections of the PostgreSQL primary's pool: open in all, idle, and requests waiting for one",
        labelNames: ["state"],
        registers: [registry],
        collect() {
          const stats = pool();
          this.set({ state: "total" }, stats.total);
          this.set({ state: "idle" }, stats.idle);
          this.set({ state: "waiting" }, stats.waiting);
        },
      });
    }
    app.addHook("onResponse", async (request, reply) => {
      const labels = {
        method: request.method,
        route: request.routeOptions.url ?? NO_ROUTE,
        status_code: String(reply.statusCode),
      };
      requests.inc(labels);
      duration.observe(labels, reply.elapsedTime / 1000);
    });
    app.decorate("metrics", registry);
  },
  { name: "metrics", dependencies: ["db"] },
);
