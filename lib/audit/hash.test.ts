import { describe, expect, it } from 'vitest';
import {
  auditHash,
  canonicalJson,
  commitmentMismatch,
  commitPersonal,
  GENESIS_HASH,
  sealedHash,
  type AuditContent,
} from './hash';

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

describe('personal-field commitments', () => {
  const personal = { actorId: 'admin-1', targetId: 'user-1', ip: '192.0.2.1' };

  it('salts each present value afresh, so equal values never commit alike', () => {
    const one = commitPersonal(personal);
    const two = commitPersonal(personal);
    expect(Object.keys(one.commitments).sort()).toEqual(['actorId', 'ip', 'targetId']);
    expect(one.commitments.actorId).not.toBe(two.commitments.actorId);
    expect(commitPersonal({ actorId: null, targetId: null, ip: null })).toEqual({
      commitments: {},
      salts: {},
    });
  });

  it('matches the values it was made from, and a pseudonym only once the salt is gone', () => {
    const { commitments, salts } = commitPersonal(personal);
    expect(commitmentMismatch(personal, commitments, salts)).toBeNull();
    expect(commitmentMismatch({ ...personal, actorId: 'admin-2' }, commitments, salts)).toBe('actorId');
    expect(commitmentMismatch({ ...personal, actorId: 'erased:1' }, commitments, salts)).toBe('actorId');
    const kept = { ...salts };
    delete kept.actorId;
    expect(commitmentMismatch({ ...personal, actorId: 'erased:1' }, commitments, kept)).toBeNull();
    expect(commitmentMismatch({ ...personal, actorId: 'admin-2' }, commitments, kept)).toBe('actorId');
  });

  it('hashes commitments, not the personal values', () => {
    const { commitments } = commitPersonal(personal);
    const rest = {
      at: content.at,
      actorRole: content.actorRole,
      action: content.action,
      targetType: content.targetType,
      reason: content.reason,
      metadata: content.metadata,
      requestId: content.requestId,
      commitments,
    };
    expect(sealedHash(GENESIS_HASH, rest)).toMatch(/^[0-9a-f]{64}$/);
    expect(sealedHash(GENESIS_HASH, rest)).not.toBe(auditHash(GENESIS_HASH, content));
  });
});
