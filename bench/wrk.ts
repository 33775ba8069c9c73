import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// wrk (C, one epoll loop per thread) as the load generator where it is installed
// (`apt-get install wrk`). autocannon runs in Node and, on a 2-core machine, its own
// event loop caps what it can send at about what the server under test can answer —
// raw node:http measured with it here tops out near 9,000 POSTs/s, with wrk near
// 90,000 — so figures above that are only measurable with wrk.
//
// The generated Lua script:
// - cycles through requests formatted once per thread (bodies and headers given here,
//   client addresses made up per request), so sending costs no Lua string work;
// - optionally keeps a fixed rate: each request has a slot on a schedule
//   (LuaJIT FFI gettimeofday) and delay() waits for it;
// - for exact counting, sends only `GET idlePath` in its last `quietMs`, so that
//   when wrk stops, no request whose answer it never read can have been counted
//   by the server; it counts answers by status and prints them as JSON.

export interface WrkRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
}

export interface WrkResult {
  /** answers by status (the idle requests' left out) */
  statuses: Record<string, number>;
  /** answers with `countStatus`, `shedStatus`, and any other status except the idle one */
  counted: number;
  shed: number;
  other: number;
  /** socket errors and timeouts */
  errors: number;
  /** answers per second while the measured requests were sent */
  rps: number;
  /** answers with `countStatus` per second, likewise */
  countedRps: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
}

export function wrkAvailable(): boolean {
  return spawnSync('wrk', ['--version'], { stdio: 'ignore' }).error === undefined;
}

const lua = (s: string) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;

function script(o: { requests: WrkRequest[]; addresses: number; rate: number; threads: number; durationMs: number; quietMs: number; idlePath: string; countStatus: number; shedStatus: number; idleStatus: number }): string {
  const reqs = o.requests.map(
    (r) =>
      `{${lua(r.method)}, ${lua(r.path)}, {${Object.entries(r.headers)
        .map(([k, v]) => `[${lua(k.toLowerCase() === 'host' ? 'Host' : k)}] = ${lua(v)}`)
        .join(', ')}}, ${r.body === undefined ? 'nil' : lua(r.body)}}`,
  );
  return `
local ffi = require("ffi")
ffi.cdef[[ typedef struct { long tv_sec; long tv_usec; } lantoa_timeval; int gettimeofday(lantoa_timeval *tv, void *tz); ]]
local tv = ffi.new("lantoa_timeval")
local function now_ms() ffi.C.gettimeofday(tv, nil); return tonumber(tv.tv_sec) * 1000 + tonumber(tv.tv_usec) / 1000 end

local specs = {
${reqs.join(',\n')}
}
local threads = {}
local id = 0
function setup(thread)
  id = id + 1
  thread:set("thread_id", id)
  table.insert(threads, thread)
end

-- t0 and the counters are globals: done() reads them from each thread
local formatted, idle, measured_until, interval, slot, n
function init(args)
  formatted = {}
  -- ${o.addresses} client addresses shared out between the threads, each address with a fixed browser
  local per = math.floor(${o.addresses} / ${o.threads})
  for i = 0, per - 1 do
    local a = (thread_id - 1) * per + i
    local spec = specs[(i % #specs) + 1]
    local headers = {}
    for k, v in pairs(spec[3]) do headers[k] = v end
    headers["X-Forwarded-For"] = string.format("10.%d.%d.%d", math.floor(a / 65536) % 256, math.floor(a / 256) % 256, a % 256)
    formatted[i + 1] = wrk.format(spec[1], spec[2], headers, spec[4])
  end
  idle = wrk.format("GET", ${lua(o.idlePath)})
  t0 = now_ms()
  measured_until = t0 + ${o.durationMs - o.quietMs}
  interval = ${o.rate > 0 ? (1000 * o.threads) / o.rate : 0}
  slot, n = 0, 0
  counted, shed, other, others, last_sent = 0, 0, 0, {}, t0
end

${
  o.rate > 0
    ? `function delay()
  local at = t0 + slot * interval
  slot = slot + 1
  local wait = at - now_ms()
  if wait > 0 then return wait end
  return 0
end`
    : ''
}

function request()
  local now = now_ms()
  if now >= measured_until then return idle end
  n = n + 1
  last_sent = now
  -- addresses come back in a shuffled order: several page views per address and visit
  return formatted[((n * 7919) % #formatted) + 1]
end

function response(status, headers, body)
  if status == ${o.countStatus} then counted = counted + 1
  elseif status == ${o.shedStatus} then shed = shed + 1
  elseif status ~= ${o.idleStatus} then
    other = other + 1
    others[status] = (others[status] or 0) + 1
  end
end

function done(summary, latency, requests)
  local c, s, x, first, last, codes = 0, 0, 0, nil, 0, {}
  for _, t in ipairs(threads) do
    c = c + t:get("counted"); s = s + t:get("shed"); x = x + t:get("other")
    for code, k in pairs(t:get("others")) do codes[code] = (codes[code] or 0) + k end
    local t0t = t:get("t0"); local ls = t:get("last_sent")
    if first == nil or t0t < first then first = t0t end
    if ls > last then last = ls end
  end
  local e = summary.errors
  local list = {}
  for code, k in pairs(codes) do table.insert(list, string.format('"%d":%d', code, k)) end
  io.write(string.format('\\nWRK_RESULT {"counted":%d,"shed":%d,"other":%d,"others":{%s},"errors":%d,"active_ms":%.1f,"p50_us":%d,"p90_us":%d,"p99_us":%d,"max_us":%d}\\n',
    c, s, x, table.concat(list, ","), e.connect + e.read + e.write + e.timeout, last - first, latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max))
end
`;
}

/**
 * One wrk run against `url` for `durationMs`, cycling through `requests` from `addresses`
 * client addresses (X-Forwarded-For), at full speed or at `rate` requests/s.
 */
export async function runWrk(o: {
  url: string;
  requests: WrkRequest[];
  connections: number;
  durationMs: number;
  threads?: number;
  rate?: number;
  addresses?: number;
  /** the last part of the run, when only idle requests go out (default 0.5 s) */
  quietMs?: number;
  idlePath?: string;
  countStatus?: number;
  shedStatus?: number;
  idleStatus?: number;
}): Promise<WrkResult> {
  const threads = o.threads ?? 1;
  const quietMs = o.quietMs ?? 500;
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'lantoa-wrk-')), 'load.lua');
  fs.writeFileSync(
    file,
    script({
      requests: o.requests,
      addresses: o.addresses ?? 50_000,
      rate: o.rate ?? 0,
      threads,
      durationMs: o.durationMs,
      quietMs,
      idlePath: o.idlePath ?? '/healthz',
      countStatus: o.countStatus ?? 202,
      shedStatus: o.shedStatus ?? 503,
      idleStatus: o.idleStatus ?? 200,
    }),
  );
  const argv = ['-t', String(threads), '-c', String(Math.max(threads, o.connections)), '-d', `${Math.ceil(o.durationMs / 1000)}s`, '--timeout', '10s', '-s', file, o.url];
  const out = await new Promise<string>((resolve, reject) => {
    const child = spawn('wrk', argv, { stdio: ['ignore', 'pipe', 'pipe'] });
    let text = '';
    child.stdout.on('data', (d) => (text += d));
    child.stderr.on('data', (d) => (text += d));
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve(text) : reject(new Error(`wrk exited with ${code}: ${text.slice(-2000)}`))));
  });
  fs.rmSync(path.dirname(file), { recursive: true, force: true });
  const line = out.split('\n').find((l) => l.startsWith('WRK_RESULT '));
  if (!line) throw new Error(`wrk printed no result: ${out.slice(-2000)}`);
  const r = JSON.parse(line.slice('WRK_RESULT '.length)) as { counted: number; shed: number; other: number; others: Record<string, number>; errors: number; active_ms: number; p50_us: number; p90_us: number; p99_us: number; max_us: number };
  const statuses: Record<string, number> = { ...r.others };
  if (r.counted) statuses[String(o.countStatus ?? 202)] = r.counted;
  if (r.shed) statuses[String(o.shedStatus ?? 503)] = r.shed;
  return {
    statuses,
    counted: r.counted,
    shed: r.shed,
    other: r.other,
    errors: r.errors,
    rps: ((r.counted + r.shed + r.other) * 1000) / Math.max(1, r.active_ms),
    countedRps: (r.counted * 1000) / Math.max(1, r.active_ms),
    p50: r.p50_us / 1000,
    p90: r.p90_us / 1000,
    p99: r.p99_us / 1000,
    max: r.max_us / 1000,
  };
}
