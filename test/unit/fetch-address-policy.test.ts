import { describe, expect, it } from 'vitest';
import { FetchRefusedError } from '../../shared/errors.ts';
import { BlockedAddressError, checkAddress, normalizeAddress } from '../../shared/fetch/index.ts';

const closed = { allowPrivateNetwork: false };
const open = { allowPrivateNetwork: true };

function ruleOf(ip: string, policy = closed): string | null {
  try {
    checkAddress(ip, policy);
    return null;
  } catch (error) {
    expect(error).toBeInstanceOf(FetchRefusedError);
    expect(error).toBeInstanceOf(BlockedAddressError);
    return (error as FetchRefusedError).rule;
  }
}

describe('checkAddress: blocked ranges', () => {
  it.each([
    // [address, rule with allowPrivateNetwork false, rule with allowPrivateNetwork true]
    ['127.0.0.1', 'loopback', null],
    ['127.255.255.254', 'loopback', null],
    ['::1', 'loopback', null],
    ['10.0.0.1', 'private', null],
    ['172.16.0.1', 'private', null],
    ['172.31.255.255', 'private', null],
    ['192.168.1.1', 'private', null],
    ['fc00::1', 'private', null],
    ['fd12:3456::1', 'private', null],
    ['169.254.0.1', 'link-local', 'link-local'],
    ['fe80::1', 'link-local', 'link-local'],
    ['fe80::1%eth0', 'link-local', 'link-local'],
    ['febf::1', 'link-local', 'link-local'],
    ['169.254.169.254', 'metadata', 'metadata'],
    ['169.254.170.2', 'metadata', 'metadata'],
    ['fd00:ec2::254', 'metadata', 'metadata'],
    ['fd00:ec2::253', 'metadata', 'metadata'],
    ['100.100.100.200', 'metadata', 'metadata'],
    ['100.64.0.1', 'cgnat', 'cgnat'],
    ['100.127.255.254', 'cgnat', 'cgnat'],
    ['224.0.0.1', 'multicast', 'multicast'],
    ['239.255.255.250', 'multicast', 'multicast'],
    ['ff02::1', 'multicast', 'multicast'],
    ['0.0.0.0', 'unspecified', 'unspecified'],
    ['0.1.2.3', 'unspecified', 'unspecified'],
    ['::', 'unspecified', 'unspecified'],
    ['255.255.255.255', 'broadcast', 'broadcast'],
    ['192.0.2.1', 'reserved', 'reserved'],
    ['198.51.100.7', 'reserved', 'reserved'],
    ['203.0.113.9', 'reserved', 'reserved'],
    ['198.18.0.1', 'reserved', 'reserved'],
    ['240.0.0.1', 'reserved', 'reserved'],
    ['2001:db8::1', 'reserved', 'reserved'],
    ['fec0::1', 'reserved', 'reserved'],
    ['100::1', 'reserved', 'reserved'],
    ['2001:0:4136:e378:8000:63bf:3fff:fdd2', 'reserved', 'reserved'], // Teredo
    ['64:ff9b:1::a00:1', 'reserved', 'reserved'], // local-use NAT64
  ])('%s', (ip, rule, ruleWhenOpen) => {
    expect(ruleOf(ip, closed)).toBe(rule);
    expect(ruleOf(ip, open)).toBe(ruleWhenOpen);
  });
});

describe('checkAddress: IPv6 forms that embed an IPv4 address', () => {
  it.each([
    ['::ffff:127.0.0.1', 'loopback', null],
    ['::ffff:7f00:1', 'loopback', null],
    ['0:0:0:0:0:ffff:7f00:1', 'loopback', null],
    ['::ffff:10.0.0.1', 'private', null],
    ['::ffff:169.254.169.254', 'metadata', 'metadata'],
    ['::ffff:a9fe:a9fe', 'metadata', 'metadata'],
    ['::127.0.0.1', 'loopback', null], // IPv4-compatible
    ['::a9fe:a9fe', 'metadata', 'metadata'], // IPv4-compatible
    ['::ffff:0:169.254.169.254', 'metadata', 'metadata'], // SIIT
    ['64:ff9b::169.254.169.254', 'metadata', 'metadata'], // NAT64
    ['64:ff9b::a00:1', 'private', null], // NAT64
    ['2002:a9fe:a9fe::', 'metadata', 'metadata'], // 6to4
    ['2002:7f00:1::1', 'loopback', null], // 6to4
    ['2002:6440:1::', 'cgnat', 'cgnat'], // 6to4
  ])('%s', (ip, rule, ruleWhenOpen) => {
    expect(ruleOf(ip, closed)).toBe(rule);
    expect(ruleOf(ip, open)).toBe(ruleWhenOpen);
  });

  it('lets embedded public addresses through (DNS64 in IPv6-only subnets)', () => {
    expect(ruleOf('64:ff9b::8.8.8.8')).toBeNull();
    expect(ruleOf('::ffff:93.184.216.34')).toBeNull();
    expect(ruleOf('2002:5db8:d822::1')).toBeNull();
  });
});

describe('checkAddress: every spelling of a literal address', () => {
  it.each([
    ['2130706433', 'loopback'],
    ['0x7f.1', 'loopback'],
    ['0x7f000001', 'loopback'],
    ['017700000001', 'loopback'],
    ['0177.0.0.1', 'loopback'],
    ['127.1', 'loopback'],
    ['127.0.1', 'loopback'],
    ['[::ffff:127.0.0.1]', 'loopback'],
    ['[::ffff:7f00:1]', 'loopback'],
    ['[::1]', 'loopback'],
    ['2852039166', 'metadata'], // 169.254.169.254
    ['0xa9.0xfe.0xa9.0xfe', 'metadata'],
    ['0251.0376.0251.0376', 'metadata'],
    ['169.254.43518', 'metadata'],
    ['[FD00:EC2:0:0:0:0:0:254]', 'metadata'],
    ['167772161', 'private'], // 10.0.0.1
    ['0', 'unspecified'],
  ])('%s', (spelling, rule) => {
    expect(ruleOf(spelling)).toBe(rule);
  });

  it('names the rule and the spelling in the message', () => {
    expect(() => checkAddress('0x7f.1', closed)).toThrow(/127\.0\.0\.1.*written "0x7f\.1".*loopback.*allowPrivateNetwork/);
    expect(() => checkAddress('::ffff:a9fe:a9fe', open)).toThrow(/IPv4-mapped form of 169\.254\.169\.254.*metadata/);
  });

  it('refuses what is not an address', () => {
    expect(ruleOf('example.com')).toBe('invalid-address');
    expect(ruleOf('')).toBe('invalid-address');
    expect(ruleOf('1.2.3.4.5')).toBe('invalid-address');
    expect(ruleOf('256.256.256.256')).toBe('invalid-address');
  });

  it('allows public addresses', () => {
    for (const ip of ['93.184.216.34', '8.8.8.8', '1.1.1.1', '2606:4700::1111', '2a00:1450:4001::200e', '172.32.0.1', '100.128.0.1', '11.0.0.1']) {
      expect(ruleOf(ip), ip).toBeNull();
    }
  });
});

describe('normalizeAddress', () => {
  it.each([
    ['2130706433', '127.0.0.1'],
    ['0x7f.1', '127.0.0.1'],
    ['[::ffff:127.0.0.1]', '::ffff:7f00:1'],
    ['FE80::1%eth0', 'fe80::1'],
    ['example.com', null],
  ])('%s -> %s', (input, expected) => {
    expect(normalizeAddress(input)).toBe(expected);
  });
});
