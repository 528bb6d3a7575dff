// The error a test waits for: what a promise rejects with, and of the type the test expects.
import { expect } from 'vitest';

/**
 * What `promise` rejects with, checked to be a `type`: a test waiting for a failure fails when the
 * promise resolves instead, or rejects with something else.
 */
export async function rejectionOf<E extends Error>(
  promise: Promise<unknown>,
  type: abstract new (...args: never[]) => E,
): Promise<E> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(type);
  return error as E;
}
