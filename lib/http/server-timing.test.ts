import { describe, expect, it } from 'vitest';
import { serverTiming } from './server-timing';

describe('Server-Timing', () => {
  it('lists each stage with its duration, skipping names and values the header cannot carry', () => {
    expect(serverTiming({ retrieve: 12.5, condense: 0, 'bad name': 3, broken: Number.NaN })).toBe(
      'retrieve;dur=12.5, condense;dur=0',
    );
  });
});
