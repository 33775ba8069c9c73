import net from 'node:net';
import type { IncomingMessage } from 'node:http';
import type { TrustProxy } from '../config.ts';

// Whose address a request comes from. Behind a reverse proxy the socket's
// peer is the proxy, and the client's address is in X-Forwarded-For — but
// anyone can send that header, so it counts only when the hop that added it
// is a proxy the operator named (TRUST_PROXY). Fastify is given the same
// decision (`trustProxy`), so `request.ip`, rate limits, the sign-in lock and
// the audit log all see one address; code outside Fastify (the beacon fast
// path) calls `clientAddress` here instead of reading the header itself.

/** proxy-addr's contract, as Fastify calls it: may the `hop`-th address (0 = the socket's peer) be a proxy? */
export type TrustFunction = (address: string, hop: number) => boolean;

export function blockListOf(cidrs: readonly string[]): net.BlockList {
  const list = new net.BlockList();
  for (const entry of cidrs) {
    const [address, bits] = entry.split('/');
    const family = net.isIP(address) === 6 ? 'ipv6' : 'ipv4';
    if (bits === undefined) list.addAddress(address, family);
    else list.addSubnet(address, Number(bits), family);
  }
  return list;
}

export const inList = (list: net.BlockList, address: string | undefined): boolean => {
  const family = net.isIP(address ?? '');
  return family !== 0 && list.check(address!, family === 6 ? 'ipv6' : 'ipv4');
};

/** The trust decision for Fastify's `trustProxy`; false when no proxy is trusted (the socket's address counts). */
export function trustFunction(setting: TrustProxy): TrustFunction | false {
  if (setting.kind === 'none') return false;
  if (setting.kind === 'hops') {
    const hops = setting.hops;
    // a hop count trusts whatever is directly connected: right only when nothing reaches the app around the proxies
    return (_address, hop) => hop < hops;
  }
  const list = blockListOf(setting.cidrs);
  return (address) => inList(list, address);
}

/** The client's address of a raw request, decided exactly as Fastify decides `request.ip`. */
export function clientAddress(req: IncomingMessage, trust: TrustFunction | false): string {
  const peer = req.socket.remoteAddress ?? '';
  if (!trust || !trust(peer, 0)) return peer;
  const header = req.headers['x-forwarded-for'];
  const entries = (Array.isArray(header) ? header.join(',') : (header ?? ''))
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  let address = peer;
  // walk from the nearest hop outwards while each hop is a trusted proxy
  for (let hop = 1; hop <= entries.length; hop++) {
    address = entries[entries.length - hop];
    if (!trust(address, hop)) break;
  }
  return address;
}

const LOOPBACK = blockListOf(['127.0.0.0/8', '::1/128']);

/** 127.0.0.0/8 and ::1, also written as IPv4-mapped IPv6 (::ffff:127.0.0.1). */
export const isLoopback = (address: string | undefined): boolean => inList(LOOPBACK, address);
