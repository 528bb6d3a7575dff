// [KILL SWITCH] The per-process cache of the switch and the throttle of the error-rate check.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { pollingCache, throttled } from './polling-cache';

describe('[KILL SWITCH] polling cache', () => {
  let clock = 0;
  const now = () => clock;

  beforeEach(() => {
    clock = 1_000;
  });

  it('reads once per interval, however many callers ask', async () => {
    let stored = 'off';
    const read = vi.fn(async () => stored);
    const cache = pollingCache({ read, maxAgeMs: 1_000, fallback: 'unknown', now });
    expect(await Promise.all([cache.get(), cache.get(), cache.get()])).toEqual(['off', 'off', 'off']);
    expect(read).toHaveBeenCalledTimes(1);

    stored = 'on';
    clock += 999;
    expect(await cache.get()).toBe('off');
    clock += 1;
    expect(await cache.get()).toBe('on');
    expect(read).toHaveBeenCalledTimes(2);
  });

  it('reads again at once after invalidate, and drops a read that started before it', async () => {
    let release!: (value: string) => void;
    const read = vi
      .fn<() => Promise<string>>()
      .mockImplementationOnce(() => new Promise((resolve) => (release = resolve)))
      .mockResolvedValue('on');
    const cache = pollingCache({ read, maxAgeMs: 1_000, fallback: 'unknown', now });
    const stale = cache.get();
    cache.invalidate();
    expect(await cache.get()).toBe('on');
    release('off');
    expect(await stale).toBe('off');
    expect(await cache.get()).toBe('on');
    expect(read).toHaveBeenCalledTimes(2);
  });

  it('serves the last value (or the fallback) when a read fails, and retries after the interval', async () => {
    const onError = vi.fn();
    const read = vi
      .fn<() => Promise<string>>()
      .mockRejectedValueOnce(new Error('down'))
      .mockResolvedValueOnce('on')
      .mockRejectedValueOnce(new Error('down again'));
    const cache = pollingCache({ read, maxAgeMs: 1_000, fallback: 'off', onError, now });
    expect(await cache.get()).toBe('off');
    expect(await cache.get()).toBe('off');
    expect(read).toHaveBeenCalledTimes(1);
    clock += 1_000;
    expect(await cache.get()).toBe('on');
    clock += 1_000;
    expect(await cache.get()).toBe('on');
    expect(onError).toHaveBeenCalledTimes(2);
  });
});

describe('[KILL SWITCH] throttle', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('runs at once, then at most once per interval, keeping the last call of a burst', async () => {
    const task = vi.fn(async () => {});
    const note = throttled(task, 5_000);
    note();
    await vi.advanceTimersByTimeAsync(0);
    expect(task).toHaveBeenCalledTimes(1);

    note();
    note();
    note();
    await vi.advanceTimersByTimeAsync(4_999);
    expect(task).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(task).toHaveBeenCalledTimes(2);

    await vi.advanceTimersByTimeAsync(60_000);
    expect(task).toHaveBeenCalledTimes(2);
  });
});
