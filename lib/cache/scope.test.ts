import { describe, expect, it } from 'vitest';
import { scopeDescription, scopeHash } from './scope';

describe('scopeHash', () => {
  it('is the shared scope for a viewer without private documents or filters', () => {
    expect(scopeHash({ privateDocumentIds: [] })).toBe(scopeHash({ privateDocumentIds: [], filters: {} }));
    expect(JSON.parse(scopeDescription({ privateDocumentIds: [] }))).toMatchObject({
      shared: true,
      private: [],
      documentIds: null,
      tags: null,
    });
  });

  it('does not depend on the order or repetition of ids and tags', () => {
    const a = scopeHash({ privateDocumentIds: ['d2', 'd1'], filters: { tags: ['ops', 'hr', 'ops'] } });
    const b = scopeHash({ privateDocumentIds: ['d1', 'd2', 'd1'], filters: { tags: ['hr', 'ops'] } });
    expect(a).toBe(b);
  });

  it('differs between viewers who see different private documents', () => {
    const shared = scopeHash({ privateDocumentIds: [] });
    const alice = scopeHash({ privateDocumentIds: ['alice-notes'] });
    const bob = scopeHash({ privateDocumentIds: ['bob-notes'] });
    expect(new Set([shared, alice, bob]).size).toBe(3);
  });

  it('differs with the filters, and an empty filter is not an absent one', () => {
    const none = scopeHash({ privateDocumentIds: [] });
    const tagged = scopeHash({ privateDocumentIds: [], filters: { tags: ['ops'] } });
    const documents = scopeHash({ privateDocumentIds: [], filters: { documentIds: ['ops'] } });
    const empty = scopeHash({ privateDocumentIds: [], filters: { tags: [] } });
    expect(new Set([none, tagged, documents, empty]).size).toBe(4);
  });
});
