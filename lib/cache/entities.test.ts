import { describe, expect, it } from 'vitest';
import { entitiesOf, missingEntity, sameWordFamily, swappedEntities } from './entities';

const texts = (text: string) => entitiesOf(text).map((entity) => entity.text);

describe('entitiesOf', () => {
  it('finds names, acronyms, mixed case and words with digits', () => {
    expect(texts('How do I install pgvector on Linux?')).toEqual(
      expect.arrayContaining(['pgvector', 'Linux']),
    );
    expect(texts('Is HNSW used with PostgreSQL on macOS?')).toEqual(
      expect.arrayContaining(['HNSW', 'PostgreSQL', 'macOS']),
    );
    expect(texts('Mutations in GNB1 and gpt-4o-mini')).toEqual(
      expect.arrayContaining(['GNB1', 'gpt-4o-mini']),
    );
  });

  it('finds code, paths, e-mail addresses and quoted text', () => {
    const found = texts(
      'Does DATABASE_URL in lib/env.ts reach /api/v1/query for admin@demo.local via `npm run dev` and "demo mode"?',
    );
    expect(found).toEqual(
      expect.arrayContaining([
        'DATABASE_URL',
        'lib/env.ts',
        '/api/v1/query',
        'admin@demo.local',
        'npm run dev',
        'demo mode',
      ]),
    );
  });

  it('does not take a sentence\'s first word, "I", or common words for names', () => {
    expect(texts('Where can I find the demo accounts?')).toEqual([]);
    expect(texts('Backups run nightly. Restores are tested.')).toEqual([]);
  });

  it('reads capitals as nothing in title case or shouting, keeping rare words', () => {
    expect(texts('How Do I Install The App On Kubernetes')).toEqual(['kubernetes']);
    expect(texts('HOW DO I INSTALL THE APP ON KUBERNETES')).toEqual(['kubernetes']);
  });

  it('ignores dotted abbreviations and plain numbers', () => {
    expect(texts('Which formats, e.g. PDF or Word, are accepted up to 20.5 MB?')).toEqual([
      'PDF',
      'Word',
      'MB',
    ]);
  });
});

describe('missingEntity', () => {
  it.each([
    ['How do I use my own Postgres database?', 'How do I use my own MySQL database?'],
    ["Can Alice's notes reach Bob's answers?", "Can Alice's notes reach Carol's answers?"],
    ['What does DATABASE_URL do?', 'What does REDIS_URL do?'],
    ['What does /api/health answer?', 'What does /api/ready answer?'],
    ['Egr2 regulates B cells.', 'Egr3 regulates B cells.'],
    ['Does the app use gpt-4o by default?', 'Does the app use gpt-4o-mini by default?'],
    ['Sildenafil improves function.', 'Tadalafil improves function.'],
    ['does it work with redis', 'does it work with upstash'],
    ['How do I back up the database?', 'How do I back up the database on Kubernetes?'],
    ['What does "npm test" run?', 'What does "npm start" run?'],
    ['Do UCB T cells keep their diversity?', 'Do UCB B cells keep their diversity?'],
  ])('"%s" / "%s": something named differs', (a, b) => {
    expect(missingEntity(a, b)).not.toBeNull();
  });

  it.each([
    ['How do I use Postgres?', 'how do i use postgres'],
    ['Postgres is used by the app.', 'The app uses Postgres.'],
    ['Which file formats can be ingested?', 'What file formats does ingestion accept?'],
    ['What does npm test run?', 'What exactly does "npm test" run?'],
    ["What is Alice's role?", 'What role does Alice have?'],
    ['Is the Docker image built?', 'Was the Docker image built?'],
  ])('"%s" / "%s": the same things named', (a, b) => {
    expect(missingEntity(a, b)).toBeNull();
  });
});

describe('swappedEntities', () => {
  it('notices two names trading their number of mentions', () => {
    expect(
      swappedEntities(
        'Varenicline beats a mix of Varenicline and Bupropion.',
        'Bupropion beats a mix of Varenicline and Bupropion.',
      ),
    ).not.toBeNull();
    expect(swappedEntities('Postgres or Postgres on Linux?', 'Postgres on Linux?')).toBeNull();
  });
});

describe('sameWordFamily', () => {
  it('joins forms of one word and keeps different words apart', () => {
    expect(sameWordFamily('ingest', 'ingestion')).toBe(true);
    expect(sameWordFamily('correlat', 'correlation')).toBe(true);
    expect(sameWordFamily('vegan', 'vegetarian')).toBe(false);
    expect(sameWordFamily('interaction', 'interleukin')).toBe(false);
    expect(sameWordFamily('gnb1', 'gnb2')).toBe(false);
  });
});
