// [FLAGS] Bucketing and evaluation: the same user always gets the same answer, growing a rollout keeps
// everyone already in it, the lists win over the rollout in a fixed order, variants are served by name.
import { describe, expect, it } from 'vitest';
import { flags as settings } from '@/lib/config';
import { bucketOf, inRollout } from './bucket';
import { BOOLEAN_VARIANTS, evaluateFlag, usesGroups, type FlagDefinition } from './evaluate';

const users = Array.from({ length: 10_000 }, (_, i) => `user-${i}`);

function flag(overrides: Partial<FlagDefinition> = {}): FlagDefinition {
  return {
    key: 'new-thing',
    kind: 'BOOLEAN',
    variants: BOOLEAN_VARIANTS,
    defaultVariant: 'off',
    rolloutVariant: 'on',
    enabled: true,
    rolloutPercent: 25,
    allowUserIds: [],
    denyUserIds: [],
    allowGroups: [],
    denyGroups: [],
    ...overrides,
  };
}

const insiders = (definition: FlagDefinition) =>
  new Set(users.filter((userId) => evaluateFlag(definition, { userId }).inRollout));

describe('[FLAGS] bucketing', () => {
  it('gives a user the same bucket for a flag every time, 0..99', () => {
    for (const userId of users.slice(0, 200)) {
      const bucket = bucketOf('new-thing', userId);
      expect(bucket).toBe(bucketOf('new-thing', userId));
      expect(Number.isInteger(bucket) && bucket >= 0 && bucket < 100).toBe(true);
    }
    // Known values: a change of the hash would reshuffle every running rollout, so it fails here.
    expect(bucketOf('new-thing', 'user-1')).toBe(13);
    expect(bucketOf('new-thing', 'alice')).toBe(3);
  });

  it('takes about the stage’s share of users at every stage', () => {
    for (const percent of settings.stages) {
      const share = insiders(flag({ rolloutPercent: percent })).size / users.length;
      expect(Math.abs(share - percent / 100)).toBeLessThan(0.02);
    }
  });

  it('keeps every user of a stage inside at each later stage (5 → 25 → 50 → 75 → 100)', () => {
    let previous = new Set<string>();
    for (const percent of settings.stages) {
      const current = insiders(flag({ rolloutPercent: percent }));
      for (const userId of previous) expect(current.has(userId)).toBe(true);
      expect(current.size).toBeGreaterThanOrEqual(previous.size);
      previous = current;
    }
    expect(previous.size).toBe(users.length);
  });

  it('rolling back to the previous stage takes out only the users the last step added', () => {
    const at25 = insiders(flag({ rolloutPercent: 25 }));
    const at50 = insiders(flag({ rolloutPercent: 50 }));
    const back = insiders(flag({ rolloutPercent: 25 }));
    expect(back).toEqual(at25);
    expect([...at25].every((userId) => at50.has(userId))).toBe(true);
  });

  it('picks different users for different flags', () => {
    const a = insiders(flag({ key: 'flag-a', rolloutPercent: 50 }));
    const b = insiders(flag({ key: 'flag-b', rolloutPercent: 50 }));
    const both = [...a].filter((userId) => b.has(userId)).length;
    // Independent halves overlap by about a quarter of all users, not all of them.
    expect(both / users.length).toBeGreaterThan(0.2);
    expect(both / users.length).toBeLessThan(0.3);
  });

  it('0 % takes nobody and 100 % everybody', () => {
    expect(inRollout(0, 0)).toBe(false);
    expect(inRollout(99, 100)).toBe(true);
    expect(insiders(flag({ rolloutPercent: 0 })).size).toBe(0);
  });
});

describe('[FLAGS] evaluation', () => {
  const outsider = users.find((userId) => bucketOf('new-thing', userId) >= 25)!;
  const insider = users.find((userId) => bucketOf('new-thing', userId) < 25)!;

  it('serves the rollout variant inside the rollout and the default variant outside it', () => {
    expect(evaluateFlag(flag(), { userId: insider })).toMatchObject({
      variant: 'on',
      value: true,
      inRollout: true,
      reason: 'IN_ROLLOUT',
    });
    expect(evaluateFlag(flag(), { userId: outsider })).toMatchObject({
      variant: 'off',
      value: false,
      inRollout: false,
      reason: 'OUTSIDE_ROLLOUT',
    });
  });

  it('serves the default variant to everyone while the flag is off, lists included', () => {
    const off = flag({ enabled: false, rolloutPercent: 100, allowUserIds: [insider] });
    expect(evaluateFlag(off, { userId: insider })).toMatchObject({ variant: 'off', reason: 'DISABLED' });
    expect(usesGroups(flag({ enabled: false, allowGroups: ['beta'] }))).toBe(false);
    expect(usesGroups(flag({ allowGroups: ['beta'] }))).toBe(true);
  });

  it('lists win over the rollout: user deny, user allow, group deny, group allow, in that order', () => {
    const lists = {
      rolloutPercent: 25,
      denyUserIds: [insider],
      allowUserIds: [outsider],
      denyGroups: ['blocked'],
      allowGroups: ['beta'],
    };
    // A denied user stays out even in an allowed group; an allowed user is in even in a denied group.
    expect(evaluateFlag(flag(lists), { userId: insider, group: 'beta' })).toMatchObject({
      inRollout: false,
      reason: 'DENIED_USER',
    });
    expect(evaluateFlag(flag(lists), { userId: outsider, group: 'blocked' })).toMatchObject({
      inRollout: true,
      reason: 'ALLOWED_USER',
    });
    // Group lists decide for everyone else, deny first.
    const other = users.find((u) => u !== insider && u !== outsider && bucketOf('new-thing', u) < 25)!;
    expect(evaluateFlag(flag(lists), { userId: other, group: 'blocked' })).toMatchObject({
      inRollout: false,
      reason: 'DENIED_GROUP',
    });
    const late = users.find((u) => u !== outsider && bucketOf('new-thing', u) >= 25)!;
    expect(evaluateFlag(flag(lists), { userId: late, group: 'beta' })).toMatchObject({
      inRollout: true,
      reason: 'ALLOWED_GROUP',
    });
    // A denied user is out at 100 % too; an allowed one in at 0 %.
    expect(evaluateFlag(flag({ ...lists, rolloutPercent: 100 }), { userId: insider }).inRollout).toBe(false);
    expect(evaluateFlag(flag({ ...lists, rolloutPercent: 0 }), { userId: outsider }).inRollout).toBe(true);
  });

  it('serves variant flags by name, with their values', () => {
    const model = flag({
      key: 'model-rollout',
      kind: 'VARIANT',
      variants: { router: 'auto', large: 'large', small: 'small' },
      defaultVariant: 'router',
      rolloutVariant: 'large',
      rolloutPercent: 100,
    });
    expect(evaluateFlag(model, { userId: 'anyone' })).toMatchObject({ variant: 'large', value: 'large' });
    expect(evaluateFlag({ ...model, rolloutPercent: 0 }, { userId: 'anyone' })).toMatchObject({
      variant: 'router',
      value: 'auto',
    });
  });

  it('without a user id, only a full rollout includes the caller', () => {
    expect(evaluateFlag(flag({ rolloutPercent: 75 }), {})).toMatchObject({
      inRollout: false,
      reason: 'NO_USER',
      bucket: null,
    });
    expect(evaluateFlag(flag({ rolloutPercent: 100 }), { userId: null }).inRollout).toBe(true);
  });
});
