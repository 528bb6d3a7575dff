// The answer path's entry points follow the settings in lib/config.ts.
import { describe, expect, it, vi } from 'vitest';
import { pii } from '@/lib/config';
import { redactForProvider, redactForStorage } from './policy';
import { redactPii } from './redact';

vi.mock('./redact', async (importOriginal) => {
  const actual = await importOriginal<typeof import('./redact')>();
  return { ...actual, redactPii: vi.fn(actual.redactPii) };
});

const question = 'Why was jane@example.com charged twice on card 4111 1111 1111 1111?';

describe('PII policy', () => {
  it('redacts what is stored when pii.redactStored is on', () => {
    expect(pii.redactStored).toBe(true);
    expect(redactForStorage(question)).toEqual({
      text: 'Why was [EMAIL] charged twice on card [CARD]?',
      found: { EMAIL: 1, CARD: 1 },
    });
  });
  it('sends text to the provider as it is unless pii.redactBeforeProvider is on', () => {
    expect(redactForProvider(question).text).toBe(
      pii.redactBeforeProvider ? redactForStorage(question).text : question,
    );
  });
  it('detects once per text: the same answer again (a cache hit) reuses its redaction', () => {
    const answer = `Call Maria Schmidt on +49 30 1234567 about ticket ${Math.random()}.`;
    vi.mocked(redactPii).mockClear();
    const first = redactForStorage(answer);
    expect(first.text).toContain('[PHONE]');
    expect(redactPii).toHaveBeenCalledTimes(1);
    // A caller changing its copy does not change what the next caller gets.
    first.found.PHONE = 99;
    expect(redactForStorage(answer)).toEqual({
      ...first,
      found: redactPii(answer, { types: pii.types }).found,
    });
    expect(redactForProvider(answer, true).text).toBe(first.text);
    // Two stored lookups and the provider one: detected once; the third call is this test's own.
    expect(redactPii).toHaveBeenCalledTimes(2);
    expect(redactForStorage(`${answer} `).text).toBe(`${first.text} `);
    expect(redactPii).toHaveBeenCalledTimes(3);
  });
});

describe('redactPiiDeep', () => {
  it('detects each string once: the same ids and labels event after event reuse their redaction', async () => {
    const { redactPiiDeep } = await import('./redact-deep');
    const event = { door: 'v1', note: `Asked by jane@example.com ${Math.random()}`, ids: ['ck1', 'ck2'] };
    vi.mocked(redactPii).mockClear();
    const first = redactPiiDeep(event);
    expect(redactPii).toHaveBeenCalledTimes(4);
    expect(redactPiiDeep(event)).toEqual(first);
    expect(redactPii).toHaveBeenCalledTimes(4);
    expect((first as typeof event).note).toContain('[EMAIL]');
  });
});
