import { describe, expect, it } from 'vitest';
import { firstHeading, parseMarkdown, plainText } from './markdown';

const encode = (text: string) => new TextEncoder().encode(text);

describe('parseMarkdown', () => {
  it('drops front matter and the byte order mark, and takes the title from the front matter', () => {
    const parsed = parseMarkdown(
      encode('\uFEFF---\ntitle: "Deploy guide"\ntags: [ops]\n---\n# Deploying\n\nRun it.\n'),
    );
    expect(parsed).toEqual({ title: 'Deploy guide', markdown: '# Deploying\n\nRun it.\n' });
  });

  it('drops TOML front matter too, and falls back to the first H1 for the title', () => {
    expect(parseMarkdown(encode('+++\ndraft = true\n+++\nIntro.\n\n# Setup\n'))).toEqual({
      title: 'Setup',
      markdown: 'Intro.\n\n# Setup\n',
    });
  });

  it('keeps a document that only starts with a rule', () => {
    expect(parseMarkdown(encode('---\n\nText.')).markdown).toBe('---\n\nText.');
  });
});

describe('firstHeading', () => {
  it('finds the first level-one heading outside code, ATX or setext, as plain text', () => {
    expect(firstHeading('## Not this\n\n```\n# nor this\n```\n\n# The `env` [file](x.md) #\n')).toBe(
      'The env file',
    );
    expect(firstHeading('Intro\n\nGetting *started*\n================\n')).toBe('Getting started');
    expect(firstHeading('Just text\n\n## Two\n')).toBeNull();
  });

  it('keeps underscores inside names', () => {
    expect(plainText('The _config_ of snake_case_name')).toBe('The config of snake_case_name');
  });
});
