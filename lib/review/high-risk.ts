// The high-risk topic rule: a question on a legal, medical or financial decision is answered with a
// notice that a person must decide, and queued for review. Shared by server and browser code.
import { review } from '@/lib/config';

export type HighRiskTopic = keyof typeof review.highRiskTopics;

export type HighRiskMatch = { topic: HighRiskTopic; term: string };

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// Whole words by Unicode letters and digits (\b is ASCII-only and would split "Kündigung").
const patterns = (Object.entries(review.highRiskTopics) as Array<[HighRiskTopic, readonly string[]]>).map(
  ([topic, terms]) => ({
    topic,
    pattern: new RegExp(
      `(?<![\\p{L}\\p{N}])(${terms.map((term) => escape(term).replace(/ /g, '\\s+')).join('|')})(?![\\p{L}\\p{N}])`,
      'iu',
    ),
  }),
);

/** The first high-risk topic the question touches, with the term that matched; null for none. */
export function matchHighRiskTopic(question: string): HighRiskMatch | null {
  for (const { topic, pattern } of patterns) {
    const found = pattern.exec(question);
    if (found) return { topic, term: found[1]! };
  }
  return null;
}

const topicNames: Record<HighRiskTopic, string> = {
  legal: 'legal',
  medical: 'medical',
  financial: 'financial',
};

/** What the chat shows with an answer to a high-risk question (components/chat/answer-notes.tsx). */
export function highRiskNotice(topic: HighRiskTopic): string {
  return `This question touches on a ${topicNames[topic]} decision. The answer only summarises the documents: a qualified person must decide.`;
}
