import { describe, expect, it } from 'vitest';
import { auditHash, canonicalJson, GENESIS_HASH, type AuditContent } from './hash';

const content: AuditContent = {
  at: new Date('2026-11-26T00:00:00.000Z'),
  actorId: 'admin-1',
  actorRole: 'ADMIN',
  action: 'user.role_changed',
  targetType: 'user',
  targetId: 'user-1',
  reason: null,
  metadata: { from: 'USER', to: 'ADMIN' },
  requestId: 'req-1',
};

describe('audit hash', () => {
  it('spells equal values one way, whatever the key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, 'x'], c: null } })).toBe(
      canonicalJson({ a: { c: null, d: [1, 'x'] }, b: 1 }),
    );
    expect(canonicalJson({ a: undefined, b: new Date(0) })).toBe('{"b":"1970-01-01T00:00:00.000Z"}');
  });

  it('changes when any field or the previous hash changes', () => {
    const base = auditHash(GENESIS_HASH, content);
    expect(base).toMatch(/^[0-9a-f]{64}$/);
    expect(auditHash(GENESIS_HASH, { ...content })).toBe(base);
    expect(auditHash(GENESIS_HASH, { ...content, metadata: { from: 'USER', to: 'COMPLIANCE' } })).not.toBe(
      base,
    );
    expect(auditHash(GENESIS_HASH, { ...content, at: new Date('2026-11-26T00:00:00.001Z') })).not.toBe(base);
    expect(auditHash(base, content)).not.toBe(base);
  });
});
