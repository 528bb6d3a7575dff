// [GDPR] The tools' inputs: a person by id or email, the typed confirmation, and the export's file
// name and counts.
import { describe, expect, it } from 'vitest';
import { describeZodError } from '@/lib/http/errors';
import { exportCounts, exportFileName, type GdprExport } from './export-format';
import { newPseudonym } from './pseudonym';
import { confirmsEmail, eraseInput, exportQuery, gdprSearch } from './schemas';

describe('[GDPR] inputs', () => {
  it('takes a user id or an email, trimmed, and explains a missing or blank one', () => {
    expect(exportQuery.parse({ user: '  Ann@Example.com ' })).toEqual({ user: 'Ann@Example.com' });
    const missing = exportQuery.safeParse({});
    expect(missing.success).toBe(false);
    expect(describeZodError(missing.error!)).toBe('user: give a user id or an email address');
    const blank = exportQuery.safeParse({ user: '   ' });
    expect(describeZodError(blank.error!)).toBe('user: give a user id or an email address');
    expect(exportQuery.safeParse({ user: 'x'.repeat(321) }).success).toBe(false);
  });

  it('reads an empty search as no search', () => {
    expect(gdprSearch.parse({ q: '  ' })).toEqual({ q: undefined });
    expect(gdprSearch.parse({})).toEqual({ q: undefined });
    expect(gdprSearch.parse({ q: ' cuid123 ' })).toEqual({ q: 'cuid123' });
  });

  it('requires a typed confirmation, which matches the email in any case and spacing only', () => {
    const blank = eraseInput.safeParse({ userId: 'u1', confirmEmail: ' ' });
    expect(describeZodError(blank.error!)).toBe('confirmEmail: type the email address to confirm');
    expect(confirmsEmail(' ANN@example.com ', 'ann@example.com')).toBe(true);
    expect(confirmsEmail('ann@example.co', 'ann@example.com')).toBe(false);
    expect(confirmsEmail('bob@example.com', 'ann@example.com')).toBe(false);
  });
});

describe('[GDPR] export file and pseudonyms', () => {
  it('names the download after the user and the day, with nothing unsafe for a header', () => {
    expect(exportFileName('clx1abc', new Date('2026-11-27T10:00:00Z'))).toBe(
      'gdpr-export-clx1abc-2026-11-27.json',
    );
    expect(exportFileName('a"b;c\r\n', new Date('2026-11-27T10:00:00Z'))).toBe(
      'gdpr-export-abc-2026-11-27.json',
    );
  });

  it('counts each part, messages across conversations', () => {
    const doc = {
      conversations: [{ messages: [{}, {}] }, { messages: [{}] }],
      queryLogs: [{}, {}, {}],
      feedback: [{}],
      asyncQueries: [],
      documents: [{}],
      apiKeys: [{}, {}],
      sessions: [],
      invitations: { received: [{}], sent: [{}, {}] },
      reviewItems: [],
      auditEvents: [{}, {}, {}, {}],
    } as unknown as GdprExport;
    expect(exportCounts(doc)).toEqual({
      conversations: 2,
      messages: 3,
      queryLogs: 3,
      feedback: 1,
      asyncQueries: 0,
      documents: 1,
      apiKeys: 2,
      sessions: 0,
      invitations: 3,
      reviewItems: 0,
      auditEvents: 4,
    });
  });

  it('makes a fresh random pseudonym the audit trigger accepts', () => {
    const a = newPseudonym();
    expect(a).toMatch(/^erased:[0-9a-f]{24}$/);
    expect(newPseudonym()).not.toBe(a);
  });
});
