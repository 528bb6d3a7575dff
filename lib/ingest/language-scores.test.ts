import { francAll } from 'franc';
import { data } from 'franc/data.js';
import { describe, expect, it } from 'vitest';
import { languageScores } from './language-scores';

const MIN_LENGTH = 40;

const paragraphs = [
  'Customers may ask for a refund within thirty days of purchase. The money goes back to the original payment method as soon as the returned item has arrived at our warehouse.',
  'Kunden können innerhalb von dreißig Tagen nach dem Kauf eine Rückerstattung verlangen. Das Geld wird auf das ursprüngliche Zahlungsmittel zurückgebucht.',
  'Klienci mogą poprosić o zwrot pieniędzy w ciągu trzydziestu dni od zakupu. Pieniądze wracają na pierwotną metodę płatności.',
  'Привет, как дела? Это тестовый текст о возврате денег в течение тридцати дней.',
  'Η εταιρεία επιστρέφει τα χρήματα μέσα σε τριάντα ημέρες από την αγορά, όταν το προϊόν φτάσει στην αποθήκη.',
  'ग्राहक खरीद के तीस दिनों के भीतर धनवापसी मांग सकते हैं। पैसा मूल भुगतान विधि में वापस चला जाता है।',
  'العملاء يمكنهم طلب استرداد المبلغ خلال ثلاثين يوما من الشراء، ويعود المال إلى وسيلة الدفع الأصلية.',
  '知识库把上传的文件拆分成可检索的段落，并为每个段落计算向量，以便混合检索能够同时利用关键词。',
  '12345 67890 !!! ??? 2026-11-28 13:45:00',
];

/** A text made of a model's own trigrams, in a changing order: one for every language franc knows. */
function fromModels(): string[] {
  const texts: string[] = [];
  let seed = 1;
  const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
  for (const models of Object.values(data))
    for (const model of Object.values(models)) {
      const trigrams = model.split('|');
      const picked = Array.from(
        { length: 120 },
        () => trigrams[Math.floor(random() * random() * trigrams.length)],
      );
      texts.push(picked.join(''));
    }
  return texts;
}

describe('languageScores', () => {
  it("gives francAll's scores, in francAll's order, for text in every script and language it knows", () => {
    const texts = [...paragraphs, paragraphs.join(' '), paragraphs[0]!.repeat(30), ...fromModels()];
    expect(texts.length).toBeGreaterThan(150);
    for (const text of texts)
      expect(languageScores(text, MIN_LENGTH), text.slice(0, 60)).toEqual(
        francAll(text, { minLength: MIN_LENGTH }),
      );
  });

  it("answers 'und' like franc for text too short, empty, or without letters", () => {
    for (const text of ['', 'Hallo Welt', '12345 67890 !!! ??? 2026-11-28 13:45:00 1234567890'])
      expect(languageScores(text, MIN_LENGTH)).toEqual(francAll(text, { minLength: MIN_LENGTH }));
    expect(languageScores('Hallo Welt', MIN_LENGTH)).toEqual([['und', 1]]);
  });
});
