import { describe, expect, it } from 'vitest';
import { compareVersions, pgvectorVersionProblem, PGVECTOR_MIN_VERSION } from './pgvector-version';

describe('pgvector version check', () => {
  it('compares versions part by part as numbers', () => {
    expect(compareVersions('0.10.1', '0.8.0')).toBe(1);
    expect(compareVersions('0.8.0', '0.8.0')).toBe(0);
    expect(compareVersions('0.8', '0.8.0')).toBe(0);
    expect(compareVersions('0.7.4', '0.8.0')).toBe(-1);
    expect(compareVersions('1.0.0', '0.99.9')).toBe(1);
  });

  it('accepts the minimum and anything newer, installed or not', () => {
    expect(PGVECTOR_MIN_VERSION).toBe('0.8.0');
    expect(pgvectorVersionProblem('0.8.0', null)).toBeNull();
    expect(pgvectorVersionProblem('0.8.1', '0.8.0')).toBeNull();
    expect(pgvectorVersionProblem('0.10.0', '0.10.0')).toBeNull();
  });

  it('asks for a newer package when the server only has an older pgvector', () => {
    const problem = pgvectorVersionProblem('0.7.4', null);
    expect(problem).toContain('This Postgres server has pgvector 0.7.4 and the app needs 0.8.0 or newer.');
    expect(problem).toContain('apt-get install postgresql-<version>-pgvector');
  });

  it('asks for ALTER EXTENSION when the database holds an older version than the server has', () => {
    const problem = pgvectorVersionProblem('0.8.0', '0.6.2');
    expect(problem).toContain('pgvector 0.6.2 is installed in this database');
    expect(problem).toContain('The server has 0.8.0: run `ALTER EXTENSION vector UPDATE`');
    expect(pgvectorVersionProblem('0.7.0', '0.6.2')).toContain('Install a newer pgvector on the server');
  });
});
