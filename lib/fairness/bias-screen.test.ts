import { describe, expect, it } from 'vitest';
import { bias } from '@/lib/config';
import { biasReviewNote, createBiasScreen, ownWords, screenAnswerForBias } from './bias-screen';

const terms = (flags: Array<{ term: string }>) => flags.map((flag) => flag.term);

describe('screenAnswerForBias', () => {
  it('flags gendered and non-inclusive words in an answer, with what may be better', () => {
    const flags = screenAnswerForBias(
      'The chairman approves every expense report [1]. Each employee should ask his manager before booking travel [2].',
    );
    expect(terms(flags)).toEqual(['chairman', 'his']);
    const [chairman] = flags;
    expect(chairman).toMatchObject({
      rule: 'chairman-chairwoman',
      source: 'retext-equality',
      quoted: false,
    });
    expect(chairman!.suggestions).toContain('chairperson');
    expect(chairman!.message).toContain('in some cases');
  });

  it('flags ableist and exclusionary terms common in technical writing', () => {
    expect(terms(screenAnswerForBias('Add the address to the whitelist, then run a sanity check.'))).toEqual([
      'whitelist',
      'sanity check',
    ]);
    expect(terms(screenAnswerForBias('That idea is crazy, and the old process was lame.'))).toEqual([
      'crazy',
      'lame',
    ]);
  });

  it('flags the terms of the configured list that retext-equality does not know', () => {
    const flags = screenAnswerForBias('Support for the elderly is described in the benefits guide [3].');
    expect(flags).toEqual([
      expect.objectContaining({ term: 'the elderly', source: 'term-list', suggestions: ['older people'] }),
    ]);
    // A hyphen in a term matches a space too.
    expect(terms(screenAnswerForBias('The office is open to visitors who are wheelchair bound.'))).toEqual([
      'wheelchair bound',
    ]);
  });

  it('passes ordinary, inclusive answers', () => {
    for (const answer of [
      'Ask the chairperson to sign the contract [1].',
      'Each employee should ask their manager before booking travel.',
      'Backups run every night at 02:00 UTC and are kept for 30 days [2].',
      'Reset your password under Settings → Security, then sign in again.',
      'The team lead approves leave requests within two working days [4].',
    ])
      expect(screenAnswerForBias(answer), answer).toEqual([]);
  });

  it('passes the technical words the organisation ignores', () => {
    expect(
      screenAnswerForBias(
        'Each audit event records its actor. A disabled user cannot sign in; just ask an admin to enable the host.',
      ),
    ).toEqual([]);
  });

  it('passes a word mentioned rather than used, and code', () => {
    expect(screenAnswerForBias('The term "chairman" is no longer used in our policies.')).toEqual([]);
    expect(
      screenAnswerForBias('Run `git checkout master` first.\n\n```\ngit push origin master\n```'),
    ).toEqual([]);
  });

  it('marks a hit inside a quotation taken word for word from a retrieved passage as quoted, with its passage', () => {
    const passages = [
      { n: 1, text: 'Travel policy. The chairman signs all contracts above 10,000 EUR. Receipts are kept.' },
      { n: 2, text: 'Expense reports are approved within five working days.' },
    ];
    const flags = screenAnswerForBias(
      'The travel policy says: “The chairman signs all contracts above 10,000 EUR.” [1]',
      passages,
    );
    expect(flags).toEqual([expect.objectContaining({ term: 'chairman', quoted: true, passage: 1 })]);
    expect(ownWords(flags)).toEqual([]);
  });

  it('keeps a hit in the answer’s own words even when it also quotes a passage', () => {
    const passages = [{ n: 1, text: 'The chairman signs all contracts.' }];
    const flags = screenAnswerForBias(
      'The policy says "The chairman signs all contracts." So ask him, he decides.',
      passages,
    );
    expect(flags.map((flag) => [flag.term, flag.quoted])).toEqual([
      ['chairman', true],
      ['him', false],
      ['he', false],
    ]);
    expect(terms(ownWords(flags))).toEqual(['him', 'he']);
  });

  it('treats a quotation no passage contains as the answer’s own words', () => {
    const flags = screenAnswerForBias('As they say, "every man for himself".', [
      { n: 1, text: 'Teams share the on-call rota.' },
    ]);
    expect(flags.length).toBeGreaterThan(0);
    expect(flags.every((flag) => !flag.quoted)).toBe(true);
  });

  it('finds hits across paragraphs and list items at their place in the text', () => {
    const flags = screenAnswerForBias(
      'Steps:\n\n- Ask the chairman.\n- Then the policeman checks the badge.\r\n\r\nDone.',
    );
    expect(terms(flags)).toEqual(['chairman', 'policeman']);
  });
});

describe('createBiasScreen', () => {
  const base = { extraTerms: [], ignoreTerms: [], allowBinaryPairs: false, maxFlagsKept: 50 };

  it('ignores the configured terms, from either list', () => {
    const screen = createBiasScreen({
      ...base,
      extraTerms: [{ term: 'ninja', suggestions: ['expert'] }],
      ignoreTerms: ['Master', 'ninja'],
    });
    expect(screen('The master replica and our ninja team handle failover.')).toEqual([]);
    expect(terms(screen('The slave replica follows.'))).toEqual(['slave']);
  });

  it('accepts "he or she" only when binary pairs are allowed', () => {
    expect(terms(createBiasScreen(base)('He or she must sign the form.'))).toEqual(['He', 'she']);
    expect(createBiasScreen({ ...base, allowBinaryPairs: true })('He or she must sign the form.')).toEqual(
      [],
    );
  });

  it('keeps at most maxFlagsKept flags', () => {
    const screen = createBiasScreen({ ...base, maxFlagsKept: 2 });
    expect(screen('He said he thinks he can.')).toHaveLength(2);
  });

  it('uses a configured message', () => {
    const screen = createBiasScreen({
      ...base,
      extraTerms: [{ term: 'rockstar developer', message: 'Say what the job needs instead.' }],
    });
    expect(screen('We hire a Rockstar Developer.')).toEqual([
      {
        term: 'Rockstar Developer',
        rule: 'term-list',
        source: 'term-list',
        message: 'Say what the job needs instead.',
        suggestions: [],
        quoted: false,
      },
    ]);
  });
});

describe('biasReviewNote', () => {
  it('names the distinct terms', () => {
    const flags = screenAnswerForBias('He asked the chairman, and he said the chairman agreed.');
    expect(biasReviewNote(flags)).toBe('Possibly biased or non-inclusive language: "he", "chairman"');
  });
});

describe('the configured lists', () => {
  it('are screened as configured', () => {
    expect(bias.enabled).toBe(true);
    for (const { term } of bias.extraTerms)
      expect(terms(screenAnswerForBias(`Note: ${term}.`)), term).toEqual([term]);
  });
});
