// Quantities in a question: numbers written in digits or words, ordinals, versions, percentages,
// amounts of money, month and weekday names, each with the unit that follows it. "Within ten working
// days" and "within 10 working days" agree; "10 days" and "10 months", "v1.2" and "v1.3" do not.
import { MULTIPLIERS, STANDALONE, UNITS } from './units';
import { partsOf, wordsOf } from './words';

export type Quantity = { value: string; unit: string | null };

// Number words by value: "zero" is 0, "nineteen" 19; tens and ordinals likewise.
const indexed = (words: string, step = 1, from = 0) =>
  Object.fromEntries(words.split(' ').map((word, i) => [word, from + i * step] as const));
const SMALL: Record<string, number> = {
  ...indexed(
    'zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen',
  ),
  single: 1,
  dozen: 12,
  twice: 2,
  thrice: 3,
  half: 0.5,
};
const TENS: Record<string, number> = indexed('twenty thirty forty fifty sixty seventy eighty ninety', 10, 20);
const SCALES: Record<string, number> = {
  hundred: 100,
  thousand: 1e3,
  million: 1e6,
  billion: 1e9,
  trillion: 1e12,
};
const ORDINALS: Record<string, number> = {
  ...indexed(
    'first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth',
    1,
    1,
  ),
  ...indexed('thirtieth fortieth fiftieth sixtieth seventieth eightieth ninetieth', 10, 30),
  hundredth: 100,
  thousandth: 1000,
};

const MONTHS = 'january february march april may june july august september october november december'.split(
  ' ',
);
const MONTH_ABBREVIATIONS = 'jan feb mar apr may jun jul aug sep oct nov dec'.split(' ');
const WEEKDAYS = 'monday tuesday wednesday thursday friday saturday sunday'.split(' ');
// Month names that are also common words count only when capitalised.
const AMBIGUOUS_MONTHS = new Set(['march', 'may']);
const AMBIGUOUS_ABBREVIATIONS = new Set(['mar', 'may']);

const isVersion = (value: string) => (value.match(/\./g)?.length ?? 0) > 1;

/** "10,000" → "10000", "1,5" → "1.5", "20.10" → "20.1", "1.2.3" stays (a version). */
function canonicalNumber(digits: string): string {
  let text = digits;
  if (/^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(text)) text = text.replace(/,/g, '');
  else text = text.replace(/,/g, '.');
  return isVersion(text) ? text : String(Number(text));
}

function scaled(value: string, multiplier: number): string {
  return String(Math.round(Number(value) * multiplier * 1e6) / 1e6);
}

function unitOf(word: string | undefined): string | null {
  return word === undefined ? null : (UNITS[word.toLowerCase()] ?? null);
}

/** Numbers in digits: "10", "1,000", "0.7", "20.19", "v1.2.3", "$5", "10%", "10k", "20MB", "7-day", "2nd". */
function digitQuantities(text: string): Quantity[] {
  const quantities: Quantity[] = [];
  for (const match of text.matchAll(/\d+(?:[.,]\d+)*/g)) {
    const before = text.slice(0, match.index);
    const after = text.slice(match.index + match[0].length);
    // Digits inside a word ("GNB1", "p95") count as numbers, but what follows is not their unit.
    const inWord = /\p{L}$/u.test(before);
    let value = canonicalNumber(match[0]);
    if (!inWord && /^(?:st|nd|rd|th)\b/i.test(after)) {
      quantities.push({ value, unit: 'ordinal' });
      continue;
    }
    let unitName = unitOf(/([$€£])\s?$/u.exec(before)?.[1]);
    // What follows: attached letters ("10k", "20MB", "5mmol"), a percent sign, or the next word.
    const next = /^(?:(%)|([\p{L}µ°]+)|[\s-]+([\p{L}µ°%$€£]+))/u.exec(after);
    const attached = next?.[1] ?? next?.[2];
    const word = next?.[3];
    if (!inWord) {
      const multiplier = MULTIPLIERS[(attached ?? word ?? '').toLowerCase()];
      if (multiplier && !isVersion(value)) {
        value = scaled(value, multiplier);
        unitName ??= unitOf(/^\s*([\p{L}%]+)/u.exec(after.slice(next![0].length))?.[1]);
      } else if (attached) {
        unitName ??= unitOf(attached);
      } else if (word && (word.length > 1 || /[%$€£]/.test(word))) {
        unitName ??= unitOf(word);
      }
    }
    quantities.push({ value, unit: unitName });
  }
  return quantities;
}

/** Numbers in words ("twenty-five", "one hundred and two"), ordinals, month and weekday names. */
function wordQuantities(text: string): { quantities: Quantity[]; units: Set<string> } {
  const quantities: Quantity[] = [];
  const units = new Set<string>();
  const parts = wordsOf(text).flatMap((word) =>
    partsOf(word.text).map((part) => ({
      part,
      // A capital that is not a sentence's: "in May", not "May I".
      capitalised: /^\p{Lu}/u.test(word.text) && !word.sentenceStart,
    })),
  );
  let total = 0;
  let current = 0;
  let inNumber = false;
  const flush = (unitName: string | null) => {
    if (inNumber) quantities.push({ value: String(total + current), unit: unitName });
    total = 0;
    current = 0;
    inNumber = false;
  };
  for (const [i, { part, capitalised }] of parts.entries()) {
    const nextPart = parts[i + 1]?.part ?? '';
    if (part in SMALL || part in TENS) {
      current += SMALL[part] ?? TENS[part]!;
      inNumber = true;
      continue;
    }
    if (part in SCALES && inNumber) {
      if (SCALES[part] === 100) current = (current || 1) * 100;
      else [total, current] = [total + (current || 1) * SCALES[part]!, 0];
      continue;
    }
    if (part === 'and' && inNumber && (nextPart in SMALL || nextPart in TENS)) continue;
    // "second" is an ordinal unless it names the unit: "per second", "a second", "one second".
    const unitSecond =
      part === 'second' &&
      (['per', 'a', 'an', 'each', 'every'].includes(parts[i - 1]?.part ?? '') || inNumber);
    if (part in ORDINALS && !unitSecond) {
      quantities.push({ value: String(total + current + ORDINALS[part]!), unit: 'ordinal' });
      [total, current, inNumber] = [0, 0, false];
      continue;
    }
    const unitName = UNITS[part] ?? null;
    flush(unitName);
    if (unitName && STANDALONE.has(unitName) && part.length > 2) units.add(unitName);
    const month = MONTHS.indexOf(part);
    if (month >= 0 && (!AMBIGUOUS_MONTHS.has(part) || capitalised)) {
      quantities.push({ value: String(month + 1), unit: 'month-name' });
    } else if (capitalised && MONTH_ABBREVIATIONS.includes(part) && !AMBIGUOUS_ABBREVIATIONS.has(part)) {
      quantities.push({ value: String(MONTH_ABBREVIATIONS.indexOf(part) + 1), unit: 'month-name' });
    }
    const weekday = WEEKDAYS.indexOf(part);
    if (weekday >= 0) quantities.push({ value: String(weekday + 1), unit: 'weekday' });
  }
  flush(null);
  return { quantities, units };
}

/** The quantities of a text, in order, and the time and size units it names anywhere. */
export function quantitiesOf(text: string): { quantities: Quantity[]; units: Set<string> } {
  const normal = text.normalize('NFKC');
  const inWords = wordQuantities(normal);
  const quantities = [...digitQuantities(normal), ...inWords.quantities];
  const units = new Set(inWords.units);
  for (const quantity of quantities) {
    if (quantity.unit && STANDALONE.has(quantity.unit)) units.add(quantity.unit);
  }
  return { quantities, units };
}

function byValue(quantities: Quantity[]): Map<string, Set<string>> {
  const map = new Map<string, Set<string>>();
  for (const { value, unit: unitName } of quantities) {
    const key =
      unitName === 'ordinal' || unitName === 'month-name' || unitName === 'weekday'
        ? `${unitName}:${value}`
        : value;
    const set = map.get(key) ?? new Set<string>();
    if (unitName && !key.includes(':')) set.add(unitName);
    map.set(key, set);
  }
  return map;
}

/**
 * How the quantities of two texts differ, or null when they agree: the same numbers (and ordinals,
 * months, weekdays), no number with a different unit on each side, and no different time or size unit
 * named on both sides ("once a minute" / "once an hour").
 */
export function quantityDifference(a: string, b: string): string | null {
  const left = quantitiesOf(a);
  const right = quantitiesOf(b);
  const valuesA = byValue(left.quantities);
  const valuesB = byValue(right.quantities);
  for (const [value] of valuesA) if (!valuesB.has(value)) return `${value} only in the first`;
  for (const [value] of valuesB) if (!valuesA.has(value)) return `${value} only in the second`;
  for (const [value, unitsA] of valuesA) {
    const unitsB = valuesB.get(value)!;
    if (unitsA.size > 0 && unitsB.size > 0 && ![...unitsA].some((u) => unitsB.has(u))) {
      return `${value} ${[...unitsA].join('/')} vs ${value} ${[...unitsB].join('/')}`;
    }
  }
  if (left.units.size > 0 && right.units.size > 0) {
    const same = left.units.size === right.units.size && [...left.units].every((u) => right.units.has(u));
    if (!same) return `${[...left.units].join('/')} vs ${[...right.units].join('/')}`;
  }
  return null;
}
