import { describe, expect, it } from 'vitest';
import {
  comparisonObjects,
  differentComparison,
  isPassive,
  oppositeDirection,
  swappedRoles,
} from './directions';

describe('oppositeDirection', () => {
  it.each([
    ['Does aspirin raise the risk?', 'Does aspirin lower the risk?'],
    ['Statins increase cholesterol.', 'Statins reduce cholesterol.'],
    ['X promotes tumour growth.', 'X suppresses tumour growth.'],
    ['What is the maximum file size?', 'What is the minimum file size?'],
    ['What happens before a document is ready?', 'What happens after a document is ready?'],
    ['How do I enable the reranker?', 'How do I disable the reranker?'],
    ['How do I turn on the reranker?', 'How do I turn off the reranker?'],
    ['How do I export the audit log?', 'How do I import the audit log?'],
    ['Are men more at risk?', 'Are women more at risk?'],
    ['Is the effect positive?', 'Is the effect negative?'],
    ['Does it make things better?', 'Does it make things worse?'],
    ['Sildenafil improves erectile function.', 'Sildenafil worsens erectile function.'],
    ['Is it faster?', 'Is it slower?'],
    ['PGE 2 promotes growth by suppressing genes.', 'PGE 2 suppresses growth by suppressing genes.'],
  ])('"%s" / "%s" point different ways', (a, b) => {
    expect(oppositeDirection(a, b)).not.toBeNull();
  });

  it.each([
    ['Does aspirin raise the risk?', 'Does aspirin increase the risk?'],
    ['Does aspirin raise the risk?', 'Does aspirin affect the risk?'],
    ['Low X goes with high Y.', 'High Y goes with low X.'],
    ['How do I switch the reranker on?', 'How do I enable the reranker?'],
  ])('"%s" / "%s" do not', (a, b) => {
    expect(oppositeDirection(a, b)).toBeNull();
  });
});

describe('comparisons', () => {
  it('reads what a comparison or a movement is made against', () => {
    expect(comparisonObjects('Men are more at risk than women.').get('comparison')).toEqual([['women']]);
    expect(comparisonObjects('Compared with warfarin, DOACs bleed less.').get('comparison')).toEqual([
      ['warfarin'],
    ]);
    expect(comparisonObjects('How do I move from MySQL to Postgres?').get('from')).toEqual([['mysql']]);
  });

  it.each([
    ['Is BM25 better than vectors here?', 'Is BM25 better than rerankers here?'],
    ['How do I migrate from MySQL to Postgres?', 'How do I migrate from Postgres to MySQL?'],
    ['Men die more often when compared to women.', 'Women die more often when compared to men.'],
  ])('"%s" / "%s" compare with different things', (a, b) => {
    expect(differentComparison(a, b)).not.toBeNull();
  });

  it('accepts the same comparison in another order', () => {
    expect(
      differentComparison(
        'DOACs cause more bleeding than warfarin in the elderly.',
        'In the elderly, DOACs cause more bleeding than warfarin.',
      ),
    ).toBeNull();
    expect(
      differentComparison(
        'X causes fewer infections than Y therapy.',
        'Compared with Y therapy, X causes fewer infections.',
      ),
    ).toBeNull();
  });
});

describe('swappedRoles', () => {
  it.each([
    ['Does Alice report to Bob?', 'Does Bob report to Alice?'],
    ['Arterioles have a larger diameter than venules.', 'Venules have a larger diameter than arterioles.'],
    ['Does the queue depend on the database?', 'Does the database depend on the queue?'],
    ['Does the job queue depend on the database?', 'Does the database depend on the job queue?'],
    ['Is pgvector supported by Postgres?', 'Is Postgres supported by pgvector?'],
    ['Low occupancy correlates with high methylation.', 'High occupancy correlates with low methylation.'],
  ])('"%s" / "%s" swap roles', (a, b) => {
    expect(swappedRoles(a, b)).not.toBeNull();
  });

  it.each([
    ['Does Postgres support pgvector?', 'Is pgvector supported by Postgres?'],
    ['How is an answer rendered in the browser?', 'How does the browser render an answer?'],
    ['In Drosophila, NF2 prevents sequestration of YAP.', 'NF2 prevents sequestration of YAP in Drosophila.'],
    ['Ischemic stroke is associated with migraine.', 'Migraine is associated with ischemic stroke.'],
  ])('"%s" / "%s" keep them', (a, b) => {
    // The symmetric relation in the last pair is a paraphrase the passive voice lets through.
    expect(swappedRoles(a, b)).toBeNull();
  });

  it('knows the passive voice', () => {
    expect(isPassive('How is an answer rendered?')).toBe(true);
    expect(isPassive('Snapshots are kept for a month.')).toBe(true);
    expect(isPassive('How do I render an answer?')).toBe(false);
  });
});
