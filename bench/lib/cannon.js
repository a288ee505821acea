'use strict';
const autocannon = require('autocannon');

/**
 * One autocannon run in this process. `next()` gives each request its path (and optionally method, headers, body),
 * so every request can ask for a different document. `rate` fixes requests per second; without it, as fast as the
 * server answers. Throughput counts 2xx answers only.
 */
async function cannon(url, { next, connections = 10, durationS, amount, rate, headers = {} }) {
  const result = await autocannon({
    url,
    connections,
    ...(amount ? { amount } : { duration: durationS }),
    ...(rate ? { overallRate: Math.max(1, Math.round(rate)) } : {}),
    headers,
    requests: [
      {
        setupRequest: (request) => {
          const wanted = next();
          return { ...request, ...wanted, headers: { ...request.headers, ...wanted.headers } };
        },
      },
    ],
  });
  const ok = result['2xx'];
  return {
    requestsPerSecond: Math.round(ok / result.duration),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    ok,
    failed: result.non2xx + result.errors + result.timeouts,
    seconds: result.duration,
  };
}

module.exports = { cannon };
