// The visibility scope of a cached answer: what its asker could see (the shared documents, their own
// private ones, narrowed by the request's filters), as a stable hash. Two askers who can see different
// documents get different scopes, so an answer built from one's private document never reaches the other.
import { createHash } from 'node:crypto';

export type ScopeFilters = { documentIds?: string[]; tags?: string[] };

const sortedUnique = (values: string[]) => [...new Set(values)].sort();

/**
 * The canonical form of a scope: "shared", then the viewer's private READY document ids, sorted, then
 * the filters, sorted (an absent filter and an empty one differ: an empty list matches nothing).
 */
export function scopeDescription(input: { privateDocumentIds: string[]; filters?: ScopeFilters }): string {
  const filters = input.filters ?? {};
  return JSON.stringify({
    v: 1,
    shared: true,
    private: sortedUnique(input.privateDocumentIds),
    documentIds: filters.documentIds ? sortedUnique(filters.documentIds) : null,
    tags: filters.tags ? sortedUnique(filters.tags) : null,
  });
}

/** SHA-256 (hex) of the scope's canonical form. */
export function scopeHash(input: { privateDocumentIds: string[]; filters?: ScopeFilters }): string {
  return createHash('sha256').update(scopeDescription(input)).digest('hex');
}
