// The pseudonym an erased person is known by from then on: `erased:` and 96 random bits. Random, not
// derived from the id, so nobody (not even with the server's secrets) can link it back to the person;
// one per erasure, so the audit trail still shows which events were the same person's.
import { randomBytes } from 'node:crypto';
import { PSEUDONYM_PREFIX } from '@/lib/audit/hash';

export function newPseudonym(): string {
  return `${PSEUDONYM_PREFIX}${randomBytes(12).toString('hex')}`;
}
