// [CI] The GitHub Actions workflow runs the README's test command against Postgres with pgvector and
// Redis, as .ci/run does, and builds the Dockerfile targets that exist.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = path.resolve(__dirname, '../..');
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');

type Step = { run?: string; uses?: string; with?: Record<string, unknown> };
type Workflow = {
  jobs: Record<
    string,
    {
      services?: Record<string, { image: string }>;
      env?: Record<string, string>;
      steps: Step[];
      needs?: string;
    }
  >;
};

describe('[CI] .github/workflows/ci.yml', () => {
  const workflow = parse(read('.github/workflows/ci.yml')) as Workflow;

  it('runs the README test command and .ci/run test command on Postgres + pgvector and Redis', () => {
    const readmeTest = read('README.md').match(/^(npm test)\s/m)?.[1];
    expect(readmeTest).toBe('npm test');
    expect(read('.ci/run').trim().split('\n').at(-1)).toBe(readmeTest);
    const { test } = workflow.jobs;
    expect(test!.steps.map((step) => step.run)).toContain(readmeTest);
    expect(test!.services?.postgres?.image).toMatch(/^pgvector\/pgvector:/);
    expect(test!.services?.redis?.image).toMatch(/^redis:/);
    expect(test!.env).toMatchObject({
      TEST_DATABASE_URL: expect.stringMatching(/^postgresql:\/\//),
      REDIS_URL: expect.stringMatching(/^redis:\/\//),
    });
  });

  it('builds, after the tests, each Docker target it names, and they exist in the Dockerfile', () => {
    const { image } = workflow.jobs;
    expect(image!.needs).toBe('test');
    const targets = image!.steps
      .filter((step) => step.uses?.startsWith('docker/build-push-action'))
      .map((s) => s.with?.target);
    expect(targets).toEqual(['runner', 'migrate']);
    for (const target of targets)
      expect(read('Dockerfile')).toMatch(new RegExp(`^FROM \\S+ AS ${String(target)}$`, 'm'));
  });
});
