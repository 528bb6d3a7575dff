import { describe, expect, it } from 'vitest';
import { highRiskNotice, matchHighRiskTopic } from './high-risk';

describe('matchHighRiskTopic', () => {
  it('matches legal, medical and financial terms in English and German, whatever the case', () => {
    expect(matchHighRiskTopic('Should I SUE my landlord?')).toEqual({ topic: 'legal', term: 'SUE' });
    expect(matchHighRiskTopic('Welche Dosierung ist richtig?')?.topic).toBe('medical');
    expect(matchHighRiskTopic('Soll ich die Kündigung aussprechen?')?.topic).toBe('legal');
    expect(matchHighRiskTopic('Is this a good mortgage for me?')?.topic).toBe('financial');
  });

  it('matches multi-word terms across any whitespace', () => {
    expect(matchHighRiskTopic('I need legal\n decision help')?.term).toBe('legal\n decision');
  });

  it('matches whole words only', () => {
    expect(matchHighRiskTopic('The issue is resolved')).toBeNull();
    expect(matchHighRiskTopic('How do I pursue the backup plan?')).toBeNull();
    expect(matchHighRiskTopic('Where is the Gerichtsbarkeit documented?')).toBeNull();
    expect(matchHighRiskTopic('How are invoices sent?')).toBeNull();
  });
});

describe('highRiskNotice', () => {
  it('says that a person must decide, naming the topic', () => {
    expect(highRiskNotice('legal')).toMatch(/legal decision/);
    expect(highRiskNotice('medical')).toMatch(/a qualified person must decide/);
  });
});
