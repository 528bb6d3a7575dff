import { describe, expect, it } from 'vitest';
import { quantitiesOf, quantityDifference } from './numbers';

const values = (text: string) =>
  quantitiesOf(text).quantities.map((q) => (q.unit ? `${q.value} ${q.unit}` : q.value));

describe('quantitiesOf', () => {
  it('reads numbers in digits with their units', () => {
    expect(values('Can I upload a 20 MB file?')).toEqual(['20 MB']);
    expect(values('Up to 20MB, 1,000 files, 0.7 ms')).toEqual(['20 MB', '1000', '0.7 ms']);
    expect(values('A 7-day trial at 10%')).toEqual(['7 day', '10 %']);
    expect(values('It can save $5 billion')).toEqual(['5000000000 USD']);
    expect(values('over 100k passages')).toEqual(['100000']);
  });

  it('reads numbers in words, with compounds and scales', () => {
    expect(values('ten working days')).toEqual(['10']);
    expect(values('twenty-five files')).toEqual(['25']);
    expect(values('one hundred and twenty tokens')).toEqual(['120 token']);
    expect(values('two thousand and five')).toEqual(['2005']);
    expect(values('ten times that of men')).toEqual(['10 x']);
    expect(values('a single request')).toEqual(['1']);
  });

  it('reads ordinals, and "second" as a unit where it is one', () => {
    expect(values('the first start')).toEqual(['1 ordinal']);
    expect(values('the 2nd start')).toEqual(['2 ordinal']);
    expect(values('the twenty-first run')).toEqual(['21 ordinal']);
    expect(values('requests per second')).toEqual([]);
    expect(quantitiesOf('requests per second').units).toEqual(new Set(['s']));
  });

  it('reads months and weekdays, and "May" only as a month', () => {
    expect(values('measured on November 25')).toEqual(['25', '11 month-name']);
    expect(values('every Monday')).toEqual(['1 weekday']);
    expect(values('May I upload files?')).toEqual([]);
    expect(values('released in May')).toEqual(['5 month-name']);
  });

  it('keeps versions whole', () => {
    expect(values('Node 20.19 and v1.2.3')).toEqual(['20.19', '1.2.3']);
  });
});

describe('quantityDifference', () => {
  it.each([
    ['Does the app work with Postgres 14?', 'Does the app work with Postgres 12?'],
    ['Refunds take ten days.', 'Refunds take five days.'],
    ['Do sessions last 8 hours?', 'Do sessions last 8 days?'],
    ['Is the last use written once a minute?', 'Is the last use written once an hour?'],
    ['What changed in v1.2?', 'What changed in v1.3?'],
    ['What did the first run measure?', 'What did the second run measure?'],
    ['What was measured on November 25?', 'What was measured on November 24?'],
    ['One in five trials stop early.', 'One in two trials stop early.'],
    ['It saves $5 billion.', 'It saves $750 million.'],
    ['What is the p95 latency?', 'What is the p50 latency?'],
    ['Is GPT-4 supported?', 'Is GPT-5 supported?'],
    ['Can I upload a 20 MB file?', 'Can I upload a 20 GB file?'],
    ['What happens in 2025?', 'What happens?'],
  ])('"%s" / "%s" differ', (a, b) => {
    expect(quantityDifference(a, b)).not.toBeNull();
    expect(quantityDifference(b, a)).not.toBeNull();
  });

  it.each([
    ['Refunds take ten days.', 'Refunds take 10 days.'],
    ['The MDA5 has two CARD domains.', 'The MDA5 has 2 CARD domains.'],
    ['Every ten years the data doubles.', 'The data doubles every 10 years.'],
    ['How many files can one request hold?', 'How many files can a single request hold?'],
    ['What happens on the first start?', 'On the 1st start, what happens?'],
    ['Can I upload a 20 MB file?', 'Can I upload a 20 megabyte file?'],
    ['How long are snapshots kept?', 'For how long are snapshots kept?'],
    ['Is 10,000 the limit?', 'Is 10000 the limit?'],
  ])('"%s" / "%s" agree', (a, b) => {
    expect(quantityDifference(a, b)).toBeNull();
  });
});
