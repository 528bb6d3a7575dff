// Request ids: taken from a trusted upstream header when well-formed, otherwise made here.
import { randomUUID } from 'node:crypto';

export const REQUEST_ID_HEADER = 'x-request-id';
const wellFormed = /^[A-Za-z0-9._:-]{8,128}$/;

export function requestIdFrom(headers: Headers): string {
  const incoming = headers.get(REQUEST_ID_HEADER);
  return incoming && wellFormed.test(incoming) ? incoming : randomUUID();
}
