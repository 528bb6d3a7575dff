import { describe, expect, it } from 'vitest';
import { overlap, overlapsAtLeast, removeNearDuplicates, shingles } from './near-duplicates';

const text =
  'Set DATABASE_URL to a Postgres server that has the pgvector extension installed. The app applies its migrations on start.';

describe('near-duplicate passages', () => {
  it('finds copies despite case and punctuation, and a passage contained in a longer one', () => {
    expect(overlap(shingles(text), shingles(text.toUpperCase().replace(/\./g, '!')))).toBe(1);
    const longer = `${text} Without DATABASE_URL the app uses an embedded database in the .data folder.`;
    expect(overlap(shingles(text), shingles(longer))).toBe(1);
  });

  it('keeps neighbouring chunks that share only an overlap apart', () => {
    const first = `Backups run nightly and are kept for thirty days on the volume. ${text}`;
    const second = `${text} Restores take about ten minutes for a database of one gigabyte in size.`;
    const score = overlap(shingles(first), shingles(second));
    expect(score).toBeGreaterThan(0.3);
    expect(score).toBeLessThan(0.8);
  });

  it('answers "at least this overlap" exactly as the overlap itself, at every threshold', () => {
    const first = `Backups run nightly and are kept for thirty days on the volume. ${text}`;
    const second = `${text} Restores take about ten minutes for a database of one gigabyte in size.`;
    const texts = [text, first, second, `${text} ${first}`, 'Invoices are sent by email.', ''];
    let checked = 0;
    for (const a of texts) {
      for (const b of texts) {
        const [sa, sb] = [shingles(a), shingles(b)];
        const exact = overlap(sa, sb);
        // Thresholds above 0 (the setting's range): the exact overlap itself is one of them.
        for (const threshold of [0.01, 0.3, 0.5, exact || 0.6, 0.8, 0.95, 1]) {
          expect(overlapsAtLeast(sa, sb, threshold)).toBe(exact >= threshold);
          checked += 1;
        }
      }
    }
    expect(checked).toBe(252);
  });

  it('drops the lower-ranked copy and names the one it repeats', () => {
    const ranked = [
      { id: 'best', text },
      { id: 'other', text: 'Invoices are sent on the first working day of each month by email.' },
      { id: 'copy', text: `  ${text}  ` },
    ];
    const { kept, duplicates } = removeNearDuplicates(ranked, 0.8);
    expect(kept.map((k) => k.id)).toEqual(['best', 'other']);
    expect(duplicates).toEqual([{ id: 'copy', text: `  ${text}  `, duplicateOf: 'best' }]);
  });

  it('treats empty text as unlike anything', () => {
    expect(overlap(shingles(''), shingles(text))).toBe(0);
    const { kept } = removeNearDuplicates(
      [
        { id: 'a', text: '' },
        { id: 'b', text: '' },
      ],
      0.8,
    );
    expect(kept).toHaveLength(2);
  });

  it('stops comparing once enough distinct passages are kept', () => {
    const ranked = [
      'alpha beta gamma delta epsilon',
      'zeta eta theta iota kappa',
      'lambda mu nu xi omicron',
    ].map((text, i) => ({ id: String(i), text }));
    expect(removeNearDuplicates(ranked, 0.8, 2).kept.map((p) => p.id)).toEqual(['0', '1']);
  });
});
