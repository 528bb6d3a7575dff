// The audit chain's hash: SHA-256 over the previous row's hash and this row's content in a canonical
// form (keys sorted, dates as ISO strings), so any edit, deletion or reordering breaks the chain.
//
// Personal fields (actor id, target id, IP) enter the hash through salted commitments, not as
// themselves: erasure may replace them with a pseudonym and drop the salt, and the chain still
// verifies (docs/GOVERNANCE.md, "Audit trail"). Rows written before commitments existed (version 1)
// hash the raw values.
import { createHash, randomBytes } from 'node:crypto';

/** The chain's first `prev_hash`. */
export const GENESIS_HASH = '0'.repeat(64);

/** The fields erasure may pseudonymise, as named in `commitments` and `salts`. */
export const PERSONAL_FIELDS = ['actorId', 'targetId', 'ip'] as const;
export type PersonalField = (typeof PERSONAL_FIELDS)[number];
export type Personal = Record<PersonalField, string | null>;
/** Per field present: a hex digest (commitments) or a hex salt (salts). */
export type FieldDigests = Partial<Record<PersonalField, string>>;

/** The prefix of a pseudonym that replaced a personal value; the database accepts no other. */
export const PSEUDONYM_PREFIX = 'erased:';

/** A version-1 row's content: the raw personal values are hashed. */
export type AuditContent = {
  at: Date;
  actorId: string | null;
  actorRole: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  reason: string | null;
  metadata: unknown;
  requestId: string | null;
};

/** A version-2 row's content: every stored field but the personal ones, plus their commitments. */
export type SealedContent = {
  at: Date;
  actorRole: string | null;
  action: string;
  targetType: string | null;
  reason: string | null;
  metadata: unknown;
  requestId: string | null;
  commitments: FieldDigests;
};

/** JSON with object keys sorted at every depth: one spelling per value. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, item]) => item !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
}

/** Version 1: rows written before commitments. */
export function auditHash(prevHash: string, content: AuditContent): string {
  return createHash('sha256').update(prevHash).update('\n').update(canonicalJson(content)).digest('hex');
}

/** Version 2: the hash of every row written now. */
export function sealedHash(prevHash: string, content: SealedContent): string {
  return createHash('sha256')
    .update(prevHash)
    .update('\n')
    .update(canonicalJson({ v: 2, ...content }))
    .digest('hex');
}

/** The digest a personal value is committed to under its salt. */
export function commitment(field: PersonalField, salt: string, value: string): string {
  return createHash('sha256').update(`${field}\n${salt}\n${value}`).digest('hex');
}

/** Commits each present personal value under a fresh 128-bit salt. */
export function commitPersonal(personal: Personal): { commitments: FieldDigests; salts: FieldDigests } {
  const commitments: FieldDigests = {};
  const salts: FieldDigests = {};
  for (const field of PERSONAL_FIELDS) {
    const value = personal[field];
    if (value === null) continue;
    const salt = randomBytes(16).toString('hex');
    salts[field] = salt;
    commitments[field] = commitment(field, salt, value);
  }
  return { commitments, salts };
}

/**
 * Which personal field does not match its commitment, or null when all do. A value without its salt
 * must be a pseudonym or null: erasure dropped the salt, and the commitment can no longer be checked.
 */
export function commitmentMismatch(
  personal: Personal,
  commitments: FieldDigests,
  salts: FieldDigests,
): PersonalField | null {
  for (const field of PERSONAL_FIELDS) {
    const value = personal[field];
    const committed = commitments[field];
    const salt = salts[field];
    if (committed === undefined) {
      if (value !== null || salt !== undefined) return field;
    } else if (salt === undefined) {
      if (value !== null && !value.startsWith(PSEUDONYM_PREFIX)) return field;
    } else if (value === null || commitment(field, salt, value) !== committed) {
      return field;
    }
  }
  return null;
}
