// Counts every lexeme of the corpus now, as the job sweep would, however recent the last count.
import { expect } from 'vitest';
import { db } from '../../lib/db/client';
import { refreshLexemeFrequencies } from '../../lib/db/lexeme-frequencies';

export async function countLexemesNow(): Promise<void> {
  await db().$executeRaw`
    UPDATE system_state SET updated_at = now() - interval '1 day' WHERE key = 'lexeme_frequencies'`;
  expect(await refreshLexemeFrequencies({ minIntervalSeconds: 0 })).not.toBeNull();
}
