import { describe, expect, it, vi } from 'vitest';
import { groupCommit } from './group-commit';

const later = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('groupCommit', () => {
  it('writes the first row at once and the rows recorded meanwhile in one batch, each caller its own result', async () => {
    const batches: number[][] = [];
    const write = groupCommit<number, string>({
      max: 100,
      writeOne: async (n) => {
        batches.push([n]);
        await later();
        return `row ${n}`;
      },
      writeBatch: async (ns) => {
        batches.push(ns);
        await later();
        return ns.map((n) => `row ${n}`);
      },
    });
    const results = await Promise.all([1, 2, 3, 4, 5].map(write));
    expect(results).toEqual(['row 1', 'row 2', 'row 3', 'row 4', 'row 5']);
    expect(batches).toEqual([[1], [2, 3, 4, 5]]);
    // Alone again: written at once, on its own.
    expect(await write(6)).toBe('row 6');
    expect(batches.at(-1)).toEqual([6]);
  });

  it('takes at most `max` rows a batch', async () => {
    const sizes: number[] = [];
    const write = groupCommit<number, number>({
      max: 2,
      writeOne: async (n) => (sizes.push(1), await later(), n),
      writeBatch: async (ns) => (sizes.push(ns.length), await later(), ns),
    });
    expect(await Promise.all([1, 2, 3, 4, 5, 6].map(write))).toEqual([1, 2, 3, 4, 5, 6]);
    expect(sizes).toEqual([1, 2, 2, 1]);
  });

  it('writes a failed batch row by row, so only the bad row fails', async () => {
    const writeOne = vi.fn(async (n: number) => {
      await later();
      if (n === 3) throw new Error('row 3 cannot be stored');
      return n * 10;
    });
    const write = groupCommit<number, number>({
      max: 100,
      writeOne,
      writeBatch: async () => {
        await later();
        throw new Error('the batch failed');
      },
    });
    const results = await Promise.allSettled([1, 2, 3, 4].map(write));
    expect(results).toEqual([
      { status: 'fulfilled', value: 10 },
      { status: 'fulfilled', value: 20 },
      { status: 'rejected', reason: new Error('row 3 cannot be stored') },
      { status: 'fulfilled', value: 40 },
    ]);
    // 1 alone, then 2-4 as a batch that failed, then each of those again.
    expect(writeOne.mock.calls.map(([n]) => n)).toEqual([1, 2, 3, 4]);
  });

  it('refuses a batch that returns another number of results than rows', async () => {
    const write = groupCommit<number, number>({
      max: 100,
      writeOne: async (n) => (await later(), n),
      writeBatch: async (ns) => ns.slice(1),
    });
    expect(await Promise.all([1, 2, 3].map(write))).toEqual([1, 2, 3]);
  });
});
