import { describe, expect, it } from 'vitest';
import { detectLanguage, isTextSearchConfig, scriptCounts, textSearchConfigs } from './language';

const english =
  'Customers may ask for a refund within thirty days of purchase. The money goes back to the original payment method as soon as the returned item has arrived at our warehouse and has been checked.';
const german =
  'Kunden können innerhalb von dreißig Tagen nach dem Kauf eine Rückerstattung verlangen. Das Geld wird auf das ursprüngliche Zahlungsmittel zurückgebucht, sobald die Ware bei uns eingegangen und geprüft worden ist.';
const french =
  "Les clients peuvent demander un remboursement dans les trente jours suivant l'achat. L'argent est reversé sur le moyen de paiement d'origine dès que l'article retourné est arrivé dans notre entrepôt et a été vérifié.";

describe('detectLanguage', () => {
  it('tells English, German and French paragraphs apart', () => {
    expect(detectLanguage(english)).toBe('english');
    expect(detectLanguage(german)).toBe('german');
    expect(detectLanguage(french)).toBe('french');
  });

  it('looks past Markdown, code and links to the prose', () => {
    const markdown = `# Rückgabe\n\n\`\`\`js\nconst refund = await api.createRefund({ orderId, amount });\nconsole.log('refund created');\n\`\`\`\n\n${german} Siehe [the refund API](https://example.com/api/refunds).`;
    expect(detectLanguage(markdown)).toBe('german');
  });

  it('samples a long document from start, middle and end', () => {
    expect(detectLanguage(`${english}\n\n`.repeat(10) + `${german}\n\n`.repeat(200))).toBe('german');
  });

  it('says english for text too short or too uncertain to tell', () => {
    expect(detectLanguage('')).toBe('english');
    expect(detectLanguage('Hallo Welt')).toBe('english');
    expect(
      detectLanguage(
        'Welcome Glad you are here. Bold part. First week Meet your team. Laptop setup Accounts',
      ),
    ).toBe('english');
  });

  it('says simple for a language Postgres has no stemmer for', () => {
    const chinese =
      '知识库把上传的文件拆分成可检索的段落，并为每个段落计算向量，以便混合检索能够同时利用关键词和语义相似度找到最相关的内容。';
    expect(detectLanguage(chinese)).toBe('simple');
    expect(detectLanguage('ナレッジベースは文書を段落に分割します。')).toBe('simple');
    const polish =
      'Klienci mogą poprosić o zwrot pieniędzy w ciągu trzydziestu dni od zakupu. Pieniądze wracają na pierwotną metodę płatności, gdy tylko zwrócony towar dotrze do naszego magazynu i zostanie sprawdzony przez naszych pracowników. Jeśli towar jest uszkodzony, skontaktujemy się z klientem w ciągu dwóch dni roboczych i zaproponujemy naprawę, wymianę albo zwrot części ceny.';
    expect(detectLanguage(polish)).toBe('simple');
  });

  it('keeps a stemmer for short text in another script, where English would be wrong', () => {
    expect(
      detectLanguage('Привет, как дела? Это тестовый текст о возврате денег в течение тридцати дней.'),
    ).toBe('russian');
  });

  it('only ever answers with a configuration it lists', () => {
    for (const text of [
      english,
      german,
      french,
      'Привет, как дела? Это тестовый текст о возврате денег в течение тридцати дней.',
    ]) {
      expect(isTextSearchConfig(detectLanguage(text))).toBe(true);
    }
    expect(textSearchConfigs).toContain('simple');
    expect(isTextSearchConfig('klingon')).toBe(false);
  });
});

describe('scriptCounts', () => {
  it('counts what the Unicode property expressions count, in ASCII and in every other script', () => {
    const count = (text: string, expression: RegExp) => text.match(expression)?.length ?? 0;
    const texts = [
      english,
      german,
      french,
      'Привет, как дела? Ελληνικά κείμενα. עברית ויידיש. العربية. हिन्दी। தமிழ். Հայերեն.',
      '知识库把上传的文件拆分成段落。ナレッジベース、한국어 텍스트, ภาษาไทย ເລື່ອງລາວ ខ្មែរ မြန်မာ',
      'Ligatures ﬁ and ª º, Ⅻ, combining e\u0301, emoji 😀👍🏽, 𝒜𝓁𝓅𝒽𝒶 and a lone \ud800 surrogate.',
      '',
    ];
    for (const text of texts) {
      expect(scriptCounts(text), text.slice(0, 30)).toEqual({
        letters: count(text, /\p{L}/gu),
        latin: count(text, /\p{Script=Latin}/gu),
        unstemmed: count(
          text,
          /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/gu,
        ),
      });
    }
  });
});
