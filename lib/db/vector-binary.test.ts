// Passages' vectors go to Postgres as a binary vector[] (array_recv of vector_recv elements).
import { describe, expect, it } from 'vitest';
import { decodeVector } from './chunks';
import { vectorArrayBinary } from './vector-binary';

describe('vectorArrayBinary', () => {
  it("writes array_recv's header, then each vector as vector_send writes it, with its length", () => {
    const bytes = vectorArrayBinary(
      [
        [1, 2.5],
        [0.125, -3.5],
      ],
      16_385,
    );
    expect(bytes.toString('hex', 0, 20)).toBe(
      // one dimension, no nulls, element type 16385, 2 elements, lower bound 1
      '00000001' + '00000000' + '00004001' + '00000002' + '00000001',
    );
    // Each element: its length (12 bytes), then what Postgres answers for vector_send.
    expect(bytes.readInt32BE(20)).toBe(12);
    expect(bytes.toString('hex', 24, 36)).toBe('000200003f80000040200000');
    expect(Array.from(decodeVector(bytes.subarray(40, 52)))).toEqual([0.125, -3.5]);
    expect(bytes).toHaveLength(20 + 2 * (4 + 12));
  });

  it('writes an empty array for no vectors', () => {
    expect(vectorArrayBinary([], 16_385).readInt32BE(12)).toBe(0);
  });
});
