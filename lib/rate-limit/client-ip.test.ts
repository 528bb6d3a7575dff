import { describe, expect, it } from 'vitest';
import { clientIp } from './client-ip';

describe('client IP for per-IP limits', () => {
  it("takes X-Forwarded-For's first hop, then X-Real-IP", () => {
    expect(clientIp(new Headers({ 'x-forwarded-for': '203.0.113.7, 10.0.0.1' }))).toBe('203.0.113.7');
    expect(clientIp(new Headers({ 'x-real-ip': '198.51.100.2' }))).toBe('198.51.100.2');
    expect(clientIp({ 'x-forwarded-for': ' 203.0.113.7 ', 'x-real-ip': '198.51.100.2' })).toBe('203.0.113.7');
    expect(clientIp({ 'x-forwarded-for': ['192.0.2.1', '192.0.2.2'] })).toBe('192.0.2.1');
  });

  it('drops ports and brackets and reads IPv4-mapped IPv6 as IPv4', () => {
    expect(clientIp({ 'x-forwarded-for': '203.0.113.7:51234' })).toBe('203.0.113.7');
    expect(clientIp({ 'x-forwarded-for': '::ffff:203.0.113.7' })).toBe('203.0.113.7');
    expect(clientIp({ 'x-forwarded-for': '[2001:db8::1]:443' })).toBe('2001:db8:0:0::/64');
  });

  it('puts IPv6 addresses of one /64 in one bucket', () => {
    expect(clientIp({ 'x-real-ip': '2001:DB8:0a:1::5' })).toBe('2001:db8:a:1::/64');
    expect(clientIp({ 'x-real-ip': '2001:db8:a:1:ffff:1:2:3' })).toBe('2001:db8:a:1::/64');
    expect(clientIp({ 'x-real-ip': '::1' })).toBe('0:0:0:0::/64');
  });

  it('ignores what is not an address, falling back to the next header or null', () => {
    expect(clientIp({ 'x-forwarded-for': 'unknown', 'x-real-ip': '192.0.2.9' })).toBe('192.0.2.9');
    expect(clientIp({ 'x-forwarded-for': '<script>' })).toBeNull();
    expect(clientIp(new Headers())).toBeNull();
  });
});
