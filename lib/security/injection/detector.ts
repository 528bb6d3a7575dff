// Scored prompt-injection detector for questions (direct) and retrieved passages or uploaded
// documents (indirect): weighted rule matches over normalised text, combined as a noisy-or.
import { injection } from '@/lib/config';
import { decodePayloads, normalize } from './normalize';
import { compilePrefilter } from './prefilter';
import { RULES, type Category, type Source } from './rules';

export type { Category, Source } from './rules';

export type InjectionMatch = { rule: string; category: Category; weight: number; text: string };

export type ScreenResult = {
  /** 0 (nothing suspicious) to 1. */
  score: number;
  flagged: boolean;
  source: Source;
  categories: Category[];
  matches: InjectionMatch[];
};

/** Which rules can match a text, in one scan (the rest cannot, and are not run). */
const prefilter = compilePrefilter(RULES.map((rule) => rule.pattern));

/** Texts longer than this are screened in their first and last parts only (attacks sit at the edges or repeat). */
const MAX_SCREENED_CHARS = 50_000;

export function screenText(text: string, options: { source: Source }): ScreenResult {
  const { source } = options;
  const raw =
    text.length > MAX_SCREENED_CHARS
      ? `${text.slice(0, MAX_SCREENED_CHARS / 2)}\n${text.slice(-MAX_SCREENED_CHARS / 2)}`
      : text;
  const matches = matchRules(raw, source, 0);
  const score = 1 - matches.reduce((rest, match) => rest * (1 - match.weight), 1);
  const categories = [...new Set(matches.map((match) => match.category))];
  return {
    score: Math.round(score * 1000) / 1000,
    flagged: score >= injection.thresholds[source],
    source,
    categories,
    matches,
  };
}

function matchRules(raw: string, source: Source, depth: number): InjectionMatch[] {
  const normalized = normalize(raw);
  const matches: InjectionMatch[] = [];
  const seen = new Set<string>();
  const add = (match: InjectionMatch) => {
    if (seen.has(match.rule)) return;
    seen.add(match.rule);
    matches.push(match);
  };

  let leetUsed = false;
  // Most text has no leetspeak: its second reading is the first, and need not be matched again.
  const unleet = normalized.unleet === normalized.text ? null : normalized.unleet;
  const candidates = prefilter.candidates(unleet === null ? [normalized.text] : [normalized.text, unleet]);
  for (const [index, rule] of RULES.entries()) {
    if (!candidates.has(index) || (rule.sources && !rule.sources.includes(source))) continue;
    const plain = rule.pattern.exec(normalized.text);
    const found = plain ?? (unleet === null ? null : rule.pattern.exec(unleet));
    if (!found) continue;
    if (!plain) leetUsed = true;
    const weight =
      source !== 'question' && rule.documentWeight !== undefined ? rule.documentWeight : rule.weight;
    add({ rule: rule.id, category: rule.category, weight, text: found[0].slice(0, 120) });
  }

  // Tricks are evidence of intent, strongest when they hide something that matched a rule.
  const hiding = matches.length > 0;
  const { invisible, bidi, confusables, fullwidth, tags } = normalized.signals;
  if (normalized.signals.spacedLetters > 0)
    add(trick('obfuscation.spaced-letters', 0.5, 'words spelled out letter by letter'));
  if (leetUsed) add(trick('obfuscation.leetspeak', 0.5, 'leetspeak'));
  if (invisible > 0)
    add(trick('obfuscation.invisible', hiding ? 0.5 : 0.25, `${invisible} invisible characters`));
  if (bidi > 0) add(trick('obfuscation.bidi', hiding ? 0.5 : 0.35, `${bidi} bidi controls`));
  if (tags > 0) add(trick('obfuscation.tag-characters', 0.8, `${tags} tag characters`));
  if (confusables > 0)
    add(trick('obfuscation.confusables', hiding ? 0.5 : 0.2, `${confusables} look-alike letters`));
  if (fullwidth > 0 && hiding) add(trick('obfuscation.fullwidth', 0.3, `${fullwidth} full-width characters`));

  if (depth === 0) {
    for (const decoded of decodePayloads(raw)) {
      const inner = matchRules(decoded, source, 1);
      if (inner.length === 0) continue;
      const strongest = Math.max(...inner.map((match) => match.weight));
      add({
        rule: 'encoded.payload',
        category: 'encoded_payload',
        weight: Math.max(0.85, strongest),
        text: decoded.slice(0, 120),
      });
      for (const match of inner) add({ ...match, rule: `decoded:${match.rule}` });
    }
  }
  return matches;
}

function trick(rule: string, weight: number, text: string): InjectionMatch {
  return { rule, category: 'obfuscation', weight, text };
}
