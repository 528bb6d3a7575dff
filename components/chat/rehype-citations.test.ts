import type { Element, Root } from 'hast';
import { describe, expect, it } from 'vitest';
import { rehypeCitations } from './rehype-citations';

const paragraph = (...children: Element['children']): Element => ({
  type: 'element',
  tagName: 'p',
  properties: {},
  children,
});
const text = (value: string) => ({ type: 'text' as const, value });

function run(tree: Root, count: number): Root {
  rehypeCitations({ count })(tree);
  return tree;
}

describe('citations in an answer', () => {
  it('turns [n] into a button that names its source', () => {
    const tree = run(
      { type: 'root', children: [paragraph(text('Set DATABASE_URL [1], then restart [2].'))] },
      2,
    );
    const p = tree.children[0] as Element;
    expect(p.children.map((c) => (c.type === 'text' ? c.value : (c as Element).tagName))).toEqual([
      'Set DATABASE_URL ',
      'button',
      ', then restart ',
      'button',
      '.',
    ]);
    expect((p.children[1] as Element).properties).toMatchObject({ type: 'button', dataCitation: 1 });
  });

  it('leaves numbers beyond the sources, and code, alone', () => {
    const code: Element = { type: 'element', tagName: 'code', properties: {}, children: [text('a[1]')] };
    const tree = run({ type: 'root', children: [paragraph(text('See [3].'), code)] }, 2);
    const p = tree.children[0] as Element;
    expect(p.children).toHaveLength(2);
    expect((p.children[0] as { value: string }).value).toBe('See [3].');
    expect(code.children).toEqual([text('a[1]')]);
  });
});
