// [FLAGS] What admins type: keys, variants, stages and lists are checked before anything is stored.
import { describe, expect, it } from 'vitest';
import {
  createFlagInput,
  flagListsInput,
  flagStageInput,
  formatVariantLines,
  parseVariantLines,
  splitList,
  updateFlagInput,
} from './schemas';

describe('[FLAGS] input schemas', () => {
  it('gives a boolean flag the variants on and off, whatever was sent', () => {
    const parsed = createFlagInput.parse({
      key: 'new-thing',
      kind: 'BOOLEAN',
      variants: { a: 1 },
      defaultVariant: 'off',
      rolloutVariant: 'on',
    });
    expect(parsed.variants).toEqual({ on: true, off: false });
    expect(parsed.description).toBe('');
  });

  it('refuses a bad key, unknown or equal variants, and too few variants, naming the field', () => {
    const refused = (input: unknown) =>
      createFlagInput.safeParse(input).error?.issues.map((i) => i.path.join('.'));
    expect(refused({ key: 'Bad Key', kind: 'BOOLEAN', defaultVariant: 'off', rolloutVariant: 'on' })).toEqual(
      ['key'],
    );
    expect(
      refused({
        key: 'model',
        kind: 'VARIANT',
        variants: { a: 'x', b: 'y' },
        defaultVariant: 'a',
        rolloutVariant: 'c',
      }),
    ).toEqual(['rolloutVariant']);
    expect(refused({ key: 'model', kind: 'BOOLEAN', defaultVariant: 'on', rolloutVariant: 'on' })).toEqual([
      'rolloutVariant',
    ]);
    expect(
      refused({
        key: 'model',
        kind: 'VARIANT',
        variants: { a: 'x' },
        defaultVariant: 'a',
        rolloutVariant: 'a',
      }),
    ).toContain('variants');
    expect(
      updateFlagInput.safeParse({
        key: 'model',
        defaultVariant: 'a',
        rolloutVariant: 'b',
        variants: { a: 1, c: 2 },
      }).success,
    ).toBe(false);
  });

  it('accepts only the configured stages', () => {
    expect(flagStageInput.safeParse({ key: 'model', percent: 25 }).success).toBe(true);
    const wrong = flagStageInput.safeParse({ key: 'model', percent: 30 });
    expect(wrong.error?.issues[0]?.message).toBe('The stage must be one of 0, 5, 25, 50, 75, 100 %.');
  });

  it('refuses an entry on both the allow and the deny list, and drops repeats', () => {
    const lists = {
      key: 'model',
      allowUsers: ['a@x.test', 'a@x.test'],
      denyUsers: [],
      allowGroups: [],
      denyGroups: [],
    };
    expect(flagListsInput.parse(lists).allowUsers).toEqual(['a@x.test']);
    const both = flagListsInput.safeParse({ ...lists, allowGroups: ['beta'], denyGroups: ['beta'] });
    expect(both.error?.issues[0]).toMatchObject({
      path: ['denyGroups'],
      message: 'On both the allow and the deny list: beta.',
    });
  });

  it('reads lists and variants as typed, and writes variants back the same way', () => {
    expect(splitList('a@x.test, b@x.test\n\n  beta ')).toEqual(['a@x.test', 'b@x.test', 'beta']);
    const variants = parseVariantLines('router = auto\nlarge=large\nlimit = 3\nstrict = true\n');
    expect(variants).toEqual({ router: 'auto', large: 'large', limit: 3, strict: true });
    expect(parseVariantLines(formatVariantLines(variants))).toEqual(variants);
  });
});
