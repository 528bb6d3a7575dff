// The answer path's entry points follow the settings in lib/config.ts.
import { describe, expect, it } from 'vitest';
import { pii } from '@/lib/config';
import { redactForProvider, redactForStorage } from './policy';

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
});
