/** The wrk report parser and the median-of-rounds rule, on wrk 4.1 output captured on this machine. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { medianResult, parseWrk, type LoadResult } from "./wrk.js";

const OK = `Running 2s test @ http://127.0.0.1:48001/
  1 threads and 20 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     2.80ms    3.99ms  53.55ms   89.71%
    Req/Sec    11.58k    10.62k   37.76k    85.00%
  Latency Distribution
     50%  880.00us
     75%    3.67ms
     90%    6.96ms
     99%   18.93ms
  23205 requests in 2.01s, 2.81MB read
Requests/sec:  11520.23
Transfer/sec:      1.40MB
`;

const ERRORS = `Running 5s test @ http://127.0.0.1:23000/
  1 threads and 1000 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     2.10s   812.33ms   4.99s    61.02%
    Req/Sec    98.12     40.10   210.00     70.00%
  Latency Distribution
     50%    2.05s
     75%    2.71s
     90%    3.30s
     99%    1.02m
  498 requests in 5.01s, 52.10MB read
  Socket errors: connect 0, read 3, write 1, timeout 120
  Non-2xx or 3xx responses: 7
Requests/sec:     99.40
Transfer/sec:     10.40MB
BENCH_JSON {"page":412,"api":86,"xcache":{"HIT":300}}
`;

const NOTHING = `Running 2s test @ http://127.0.0.1:48001/slow
  1 threads and 20 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     0.00us    0.00us   0.00us    -nan%
    Req/Sec     0.00      0.00     0.00      -nan%
  Latency Distribution
     50%    0.00us
     75%    0.00us
     90%    0.00us
     99%    0.00us
  0 requests in 2.01s, 0.00B read
Requests/sec:      0.00
Transfer/sec:       0.00B
`;

test("a clean run gives throughput, percentiles in ms (us converted) and no errors", () => {
  const r = parseWrk(OK);
  assert.equal(r.requestsPerSec, 11520.23);
  assert.equal(r.p50Ms, 0.88);
  assert.equal(r.p99Ms, 18.93);
  assert.equal(r.requests, 23205);
  assert.equal(r.errors, 0);
  assert.equal(r.timeouts, 0);
  assert.equal(r.non2xx, 0);
  assert.equal(r.script, undefined);
});

test("seconds and minutes are converted, socket errors summed, timeouts kept apart, Lua JSON read", () => {
  const r = parseWrk(ERRORS);
  assert.equal(r.p50Ms, 2050);
  assert.equal(r.p99Ms, 61_200);
  assert.equal(r.errors, 124);
  assert.equal(r.timeouts, 120);
  assert.equal(r.non2xx, 7);
  assert.equal(r.requests, 498);
  assert.deepEqual(r.script, { page: 412, api: 86, xcache: { HIT: 300 } });
});

test("a run where nothing completed has no latency figures rather than 0 ms", () => {
  const r = parseWrk(NOTHING);
  assert.equal(r.requests, 0);
  assert.equal(r.requestsPerSec, 0);
  assert.ok(Number.isNaN(r.p50Ms));
  assert.ok(Number.isNaN(r.p99Ms));
});

test("garbage (wrk missing its report) parses as NaN, never as a plausible number", () => {
  const r = parseWrk("unable to connect to 127.0.0.1:1 Connection refused");
  assert.ok(Number.isNaN(r.requestsPerSec));
  assert.ok(Number.isNaN(r.p50Ms));
});

test("the median round is picked by req/s; p50 and p99 are medians of their own, NaN rounds ignored", () => {
  const round = (rps: number, p50: number, p99: number): LoadResult => ({
    requestsPerSec: rps,
    p50Ms: p50,
    p99Ms: p99,
    non2xx: 0,
    errors: 0,
    timeouts: 0,
    requests: rps * 5,
  });
  const m = medianResult([round(300, 1, 9), round(100, 3, 30), round(200, 2, NaN)]);
  assert.equal(m.requestsPerSec, 200);
  assert.equal(m.requests, 1000);
  assert.equal(m.p50Ms, 2);
  assert.equal(m.p99Ms, 30, "median of the finite p99s [9, 30] at index 1");
  assert.equal(m.rounds.length, 3);
  assert.throws(() => medianResult([]));
});
