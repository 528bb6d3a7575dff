// Embeddings arrive from the searches in pgvector's binary form (vector_send), not as text.
import { describe, expect, it } from 'vitest';
import { decodeVector } from './chunks';

describe('decodeVector', () => {
  it("reads pgvector's binary form: dimensions, an unused word, then big-endian float4s", () => {
    // What Postgres answers for SELECT vector_send('[1,2.5]'::vector).
    expect(Array.from(decodeVector(Buffer.from('000200003f80000040200000', 'hex')))).toEqual([1, 2.5]);
    const values = [0.125, -3.5, 1e-3];
    const bytes = Buffer.alloc(4 + 4 * values.length);
    bytes.writeUInt16BE(values.length, 0);
    values.forEach((value, i) => bytes.writeFloatBE(value, 4 + 4 * i));
    expect(Array.from(decodeVector(bytes))).toEqual(values.map(Math.fround));
  });

  it('gives an empty vector for a passage stored without one', () => {
    expect(decodeVector(null)).toHaveLength(0);
  });
});
