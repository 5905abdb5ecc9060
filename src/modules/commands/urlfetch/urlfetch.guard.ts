import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

/** Decides whether the bot may connect to an address; true means allowed. */
export type AddressPolicy = (address: string) => boolean;

/**
 * Only public unicast addresses: no private, loopback, link-local, carrier-grade NAT, multicast,
 * broadcast, reserved or unspecified range, in IPv4 or IPv6. An IPv4-mapped IPv6 address is judged
 * as the IPv4 address it carries; IPv6 ranges that tunnel to IPv4 (NAT64, 6to4, Teredo) are refused
 * too, since the address they reach cannot be judged here.
 */
export const publicAddressesOnly: AddressPolicy = (address) => {
  const bare = address.startsWith('[') && address.endsWith(']') ? address.slice(1, -1) : address;
  if (!ipaddr.isValid(bare)) return false;
  return ipaddr.process(bare).range() === 'unicast';
};

/** A connection refused by the address policy. */
export class BlockedAddressError extends Error {
  override name = 'BlockedAddressError';
  readonly code = 'commands.urlfetch_blocked';
  constructor(readonly host: string, readonly address: string) {
    super(`${host} resolves to ${address}, which is not a public address`);
  }
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` for node:http(s) that resolves the name and refuses the connection when any address it
 * got is not allowed. It runs at connect time, so a name that changes its answer between a check and
 * the connection (DNS rebinding) is still judged by the address actually used.
 */
export function guardedLookup(policy: AddressPolicy) {
  return (hostname: string, options: LookupOptions, callback: LookupCallback): void => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, '', 0);
      const list = addresses as LookupAddress[];
      const blocked = list.find((a) => !policy(a.address));
      if (blocked) return callback(Object.assign(new BlockedAddressError(hostname, blocked.address), { errno: 0 }) as NodeJS.ErrnoException, '', 0);
      if (list.length === 0) return callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), '', 0);
      if (options.all) return callback(null, list);
      const first = list[0]!;
      callback(null, first.address, first.family);
    });
  };
}

/** Why a URL may not be fetched as written (scheme, credentials, a literal address that is not public), or undefined. */
export function urlProblem(raw: string, policy: AddressPolicy): string | undefined {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return `"${raw.slice(0, 60)}" is not a URL`;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'only http:// and https:// URLs can be fetched';
  if (url.username || url.password) return 'URLs with a user name or password are not fetched';
  const host = url.hostname;
  // Node connects to a literal address without calling `lookup`, so a literal is judged here.
  const bare = host.startsWith('[') ? host.slice(1, -1) : host;
  if (isIP(bare) !== 0 && !policy(bare)) return `${bare} is not a public address`;
  return undefined;
}
