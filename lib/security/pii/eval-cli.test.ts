// The eval CLI's scoring rule and its answers to bad input, on small sets written here.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPiiEvalCli } from './eval-cli';
import { evaluatePii } from './evaluate';

async function run(content: string, ...flags: string[]) {
  const dir = await mkdtemp(path.join(tmpdir(), 'eval-pii-'));
  const file = path.join(dir, 'set.json');
  await writeFile(file, content);
  const out: string[] = [];
  const err: string[] = [];
  const code = await runPiiEvalCli([file, ...flags], { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const text = 'Mail jane@example.com, call +44 20 7946 0958, home at 12 Baker Street.';
const item = {
  full_text: text,
  spans: [
    { entity_type: 'EMAIL_ADDRESS', start_position: 5, end_position: 21 },
    // Labelled a little wider than what we find: still a match (overlap >= 50 % of both).
    { entity_type: 'PHONE_NUMBER', start_position: 23, end_position: 44 },
    { entity_type: 'STREET_ADDRESS', start_position: 54, end_position: 69 },
  ],
};

describe('evaluatePii', () => {
  it('matches spans by type and overlap and lists out-of-scope labels', () => {
    const report = evaluatePii([item]);
    expect(report.perType.EMAIL).toMatchObject({
      labelled: 1,
      detected: 1,
      matched: 1,
      precision: 1,
      recall: 1,
    });
    expect(report.perType.PHONE).toMatchObject({ labelled: 1, detected: 1, matched: 1 });
    expect(report.outOfScope).toEqual({ STREET_ADDRESS: 1 });
  });
  it('does not count a detection that overlaps less than half of the labelled span', () => {
    const report = evaluatePii([
      { full_text: text, spans: [{ entity_type: 'EMAIL_ADDRESS', start_position: 0, end_position: 60 }] },
    ]);
    expect(report.perType.EMAIL).toMatchObject({
      labelled: 1,
      detected: 1,
      matched: 0,
      precision: 0,
      recall: 0,
    });
  });
});

describe('eval:pii CLI', () => {
  it('prints a table, or JSON with --json', async () => {
    const table = await run(JSON.stringify([item]));
    expect(table.code).toBe(0);
    expect(table.out).toMatch(/EMAIL\s+1\s+1\s+1\s+100\.0%/);
    const json = await run(JSON.stringify([item]), '--json');
    expect(JSON.parse(json.out)).toMatchObject({ texts: 1, overall: { matched: 2 } });
  });
  it.each([
    ['not JSON', '{oops', /cannot read .* as JSON/],
    ['the wrong shape', JSON.stringify([{ text: 'x' }]), /at 0\.full_text/],
    [
      'a span outside its text',
      JSON.stringify([
        { full_text: 'ab', spans: [{ entity_type: 'PERSON', start_position: 1, end_position: 9 }] },
      ]),
      /item 0/,
    ],
  ])('exits 2 on %s', async (_name, content, message) => {
    const result = await run(content);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(message);
  });
  it('exits 2 without a file', async () => {
    const err: string[] = [];
    expect(await runPiiEvalCli([], { out: () => undefined, err: (t) => err.push(t) })).toBe(2);
    expect(err.join()).toMatch(/usage/);
  });
});
