import ipaddr from 'ipaddr.js';
import { BlockedAddressError } from './errors.ts';

export interface AddressPolicy {
  /** Opens loopback and RFC 1918 / ULA for local use. Never opens link-local, metadata or the rest. */
  allowPrivateNetwork: boolean;
}

/** Rules that `allowPrivateNetwork` opens. Everything else stays closed whatever the policy. */
const PRIVATE_NETWORK_RULES = new Set(['loopback', 'private']);

/**
 * Cloud metadata and instance-local service endpoints. Most sit in ranges that
 * are blocked anyway; naming them gives a clearer refusal and keeps them closed
 * when `allowPrivateNetwork` opens the range around them (fd00:ec2::/32 is ULA).
 */
const METADATA_V4 = new Set([
  '169.254.169.254', // AWS, GCP, Azure, OpenStack instance metadata
  '169.254.170.2', // AWS ECS task metadata and credentials
  '169.254.169.253', // AWS VPC DNS
  '169.254.169.123', // AWS time sync
  '100.100.100.200', // Alibaba Cloud metadata
  '192.0.0.192', // Oracle Cloud metadata
]);
const METADATA_V6: [ipaddr.IPv6, number] = [ipaddr.IPv6.parse('fd00:ec2::'), 32]; // AWS IMDS, DNS, NTP over IPv6

const GLOBAL_UNICAST_V6: [ipaddr.IPv6, number] = [ipaddr.IPv6.parse('2000::'), 3];
const NAT64_LOCAL_V6: [ipaddr.IPv6, number] = [ipaddr.IPv6.parse('64:ff9b:1::'), 48];

const DESCRIPTIONS: Record<string, string> = {
  loopback: 'loopback addresses are blocked',
  private: 'private network addresses (RFC 1918, IPv6 unique-local) are blocked',
  'link-local': 'link-local addresses are blocked',
  metadata: 'cloud metadata endpoints are always blocked',
  cgnat: 'carrier-grade NAT addresses (100.64.0.0/10) are blocked',
  multicast: 'multicast addresses are blocked',
  unspecified: 'unspecified addresses (0.0.0.0/8, ::) are blocked',
  broadcast: 'the broadcast address is blocked',
  reserved: 'reserved, documentation and special-purpose addresses are blocked',
  'invalid-address': 'the address could not be parsed',
};

/**
 * Parse an IP address in any spelling a URL or a resolver may produce
 * (`2130706433`, `0x7f.1`, `017700000001`, `127.1`, `[::ffff:7f00:1]`,
 * `fe80::1%eth0`) into its canonical form, or `null` when it is not an IP address.
 *
 * Uses the WHATWG URL host parser so that the guard and the HTTP client agree
 * on what a host means.
 *
 * @example normalizeAddress('0x7f.1') // '127.0.0.1'
 */
export function normalizeAddress(input: string): string | null {
  let host = input.trim();
  if (host.startsWith('[') && host.endsWith(']')) host = host.slice(1, -1);
  const zone = host.indexOf('%');
  if (zone >= 0 && host.includes(':')) host = host.slice(0, zone);
  if (host === '') return null;
  let parsed: string;
  try {
    parsed = new URL(`http://${host.includes(':') ? `[${host}]` : host}/`).hostname;
  } catch {
    return null;
  }
  if (parsed.startsWith('[')) return parsed.slice(1, -1);
  return ipaddr.IPv4.isValidFourPartDecimal(parsed) ? parsed : null;
}

/**
 * Refuse to connect to an address the crawler must never reach: loopback,
 * private, link-local, cloud metadata, CGNAT, multicast, unspecified,
 * broadcast, reserved ranges, and IPv6 forms that embed one of those IPv4
 * addresses (IPv4-mapped, IPv4-compatible, SIIT, NAT64, 6to4). Throws a
 * {@link BlockedAddressError} whose `rule` names the range.
 *
 * Why: the fetcher runs inside AWS, one redirect away from the instance
 * metadata endpoint. Every resolved address is checked right before connecting.
 *
 * @example checkAddress('::ffff:169.254.169.254', { allowPrivateNetwork: true }) // throws, rule 'metadata'
 */
export function checkAddress(ip: string, policy: AddressPolicy): void {
  const normalized = normalizeAddress(ip);
  if (normalized === null) {
    throw new BlockedAddressError(`Refused address "${ip}": ${DESCRIPTIONS['invalid-address']} (rule "invalid-address")`, 'invalid-address', ip);
  }
  const { rule, embedded, note } = classify(ipaddr.parse(normalized));
  if (rule === null) return;
  if (policy.allowPrivateNetwork && PRIVATE_NETWORK_RULES.has(rule)) return;
  const spelled = ip.trim() !== normalized ? `, written ${JSON.stringify(ip)}` : '';
  const via = embedded ? ` (${note} of ${embedded}${spelled})` : note ? ` (${note}${spelled})` : spelled ? ` (${spelled.slice(2)})` : '';
  const hint = PRIVATE_NETWORK_RULES.has(rule) ? '; allowPrivateNetwork opens it for local use' : '';
  throw new BlockedAddressError(`Refused address ${normalized}${via}: ${DESCRIPTIONS[rule] ?? rule} (rule "${rule}")${hint}`, rule, normalized);
}

interface Classification {
  /** null = allowed. */
  rule: string | null;
  /** The IPv4 address an IPv6 form embeds, when that decided the rule. */
  embedded?: string;
  note?: string;
}

function classify(address: ipaddr.IPv4 | ipaddr.IPv6): Classification {
  return address.kind() === 'ipv4' ? classifyV4(address as ipaddr.IPv4) : classifyV6(address as ipaddr.IPv6);
}

function classifyV4(address: ipaddr.IPv4): Classification {
  if (METADATA_V4.has(address.toString())) return { rule: 'metadata' };
  switch (address.range()) {
    case 'unicast':
      return { rule: null };
    case 'loopback':
      return { rule: 'loopback' };
    case 'private':
      return { rule: 'private' };
    case 'linkLocal':
      return { rule: 'link-local' };
    case 'carrierGradeNat':
      return { rule: 'cgnat' };
    case 'multicast':
      return { rule: 'multicast' };
    case 'unspecified':
      return { rule: 'unspecified' };
    case 'broadcast':
      return { rule: 'broadcast' };
    default: // reserved, benchmarking, as112, amt and anything a newer ipaddr.js adds
      return { rule: 'reserved' };
  }
}

function classifyV6(address: ipaddr.IPv6): Classification {
  const p = address.parts;
  if (address.match(METADATA_V6)) return { rule: 'metadata' };

  const embeddedAt = (hi: number, lo: number, note: string): Classification => {
    const v4 = new ipaddr.IPv4([p[hi]! >> 8, p[hi]! & 0xff, p[lo]! >> 8, p[lo]! & 0xff]);
    const inner = classifyV4(v4);
    return { rule: inner.rule, embedded: v4.toString(), note };
  };

  const range = address.range();
  switch (range) {
    case 'unspecified':
      return { rule: 'unspecified' };
    case 'loopback':
      return { rule: 'loopback' };
    case 'ipv4Mapped':
      return embeddedAt(6, 7, 'IPv4-mapped form');
    case 'rfc6145':
      return embeddedAt(6, 7, 'SIIT-translated form');
    case 'rfc6052':
      // 64:ff9b::/96 embeds the IPv4 address in the last 32 bits; the local-use
      // 64:ff9b:1::/48 may place it anywhere, so it is refused outright.
      if (address.match(NAT64_LOCAL_V6)) return { rule: 'reserved', note: 'local-use NAT64 prefix' };
      return embeddedAt(6, 7, 'NAT64 form');
    case '6to4':
      return embeddedAt(1, 2, '6to4 form');
    case 'teredo':
      return { rule: 'reserved', note: 'Teredo tunnel' };
    case 'linkLocal':
      return { rule: 'link-local' };
    case 'uniqueLocal':
      return { rule: 'private' };
    case 'multicast':
      return { rule: 'multicast' };
  }
  // IPv4-compatible ::a.b.c.d (deprecated, but some stacks still route it to IPv4).
  if (p[0] === 0 && p[1] === 0 && p[2] === 0 && p[3] === 0 && p[4] === 0 && p[5] === 0) {
    return embeddedAt(6, 7, 'IPv4-compatible form');
  }
  // Only 2000::/3 is global unicast; everything else (site-local, discard, ...) is not on the Internet.
  if (!address.match(GLOBAL_UNICAST_V6)) return { rule: 'reserved' };
  return range === 'unicast' ? { rule: null } : { rule: 'reserved' };
}
