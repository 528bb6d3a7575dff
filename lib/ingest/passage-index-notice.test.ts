import { describe, expect, it } from 'vitest';
import { passageIndexNotice } from './passage-index-notice';

describe('passageIndexNotice', () => {
  it('says nothing while the index is in place', () => {
    expect(passageIndexNotice('ready', 0)).toBeNull();
    expect(passageIndexNotice('ready', 2)).toBeNull();
  });

  it.each([
    ['missing', 1, /^A bulk import is loading documents: .*built when the last one ends/],
    ['missing', 2, /^2 bulk imports are loading/],
    ['building', 0, /^The passage search index is being built\./],
    ['missing', 0, /index is missing; the background jobs build it again/],
    ['invalid', 0, /left unfinished by a failed build; the background jobs build it again/],
  ] as const)('%s with %d imports loading: %s', (status, imports, message) => {
    const notice = passageIndexNotice(status, imports);
    expect(notice).toMatch(message);
    expect(notice).toContain('exact, but slower');
  });
});
