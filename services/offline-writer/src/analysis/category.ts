import type { ScenarioCategory, ScenarioLanguage } from '@what-if/contracts';

/**
 * Words that point at a category, in English and Vietnamese (with and without diacritics).
 * Scoring by counting hits is crude, but questions are short and the words telling: an
 * empire or a war is history, a planet or a vaccine is science, "I" and "my" are personal.
 */
const signals: Record<ScenarioCategory, Record<ScenarioLanguage, RegExp>> = {
  history: {
    en: /\b(empire|emperor|king|queen|dynasty|war|battle|revolution|ancient|medieval|century|colony|colonial|treaty|pharaoh|roman|napoleon|caesar|republic|kingdom|invasion|conquest|\d{3,4}s?|bc|ad)\b/i,
    vi: /(đế chế|hoàng đế|vua|triều đại|chiến tranh|trận|cách mạng|thế kỷ|thuộc địa|hiệp ước|nhà nguyễn|nhà trần|nhà lý|điện biên phủ|bạch đằng|mông cổ|de che|trieu dai|chien tranh|the ky)/i,
  },
  science: {
    en: /\b(planet|moon|mars|space|gravity|atom|physics|chemistry|biology|dna|gene|evolution|dinosaurs?|extinct|extinction|asteroid|climate|vaccine|internet|computer|electricity|energy|technology|invented|invention|ai|robot|quantum|oxygen|sun|ocean|plants?|photosynthesi[sz]e|animals?|species|cats?|dogs?|birds?|disease|medicine|brain|sleep|humans)\b/i,
    vi: /(hành tinh|mặt trăng|vũ trụ|trọng lực|nguyên tử|vật lý|hóa học|sinh học|tiến hóa|khủng long|thiên thạch|khí hậu|vắc.?xin|máy tính|điện(?! biên)|năng lượng|công nghệ|phát minh|robot|vu tru|khung long|cong nghe)/i,
  },
  society: {
    en: /\b(society|money|economy|school|education|government|democracy|vote|city|cities|religion|law|language|religion|women|workers|tax|social|media|cars|car|transport|nobody|everyone|people|country|countries)\b/i,
    vi: /(xã hội|tiền|kinh tế|trường học|giáo dục|chính phủ|dân chủ|bầu cử|thành phố|tôn giáo|luật|ngôn ngữ|phụ nữ|công nhân|thuế|mạng xã hội|mọi người|quốc gia|xa hoi|kinh te|giao duc)/i,
  },
  personal: {
    en: /\b(i|i'd|i'm|my|me|myself|had i|if i|instead of me)\b/i,
    vi: /(\btôi\b|\bmình\b|của tôi|nếu tôi|\btoi\b|\bminh\b|neu toi)/i,
  },
  fantasy: {
    en: /\b(dragon|dragons|magic|wizard|witch|elf|elves|unicorn|vampire|ghost|gods?|superpower|superpowers|time travel|mermaid|fairy|myth|mythical|immortal|teleport)\b/i,
    vi: /(rồng|phép thuật|pháp sư|phù thủy|tiên|kỳ lân|ma cà rồng|ma quỷ|thần|siêu năng lực|du hành thời gian|nàng tiên cá|bất tử|rong|phep thuat|phu thuy)/i,
  },
};

/**
 * Ties go to the earlier category: a dragon in an empire is fantasy first, and an invention
 * that changed how people live (money, cars) is society before science.
 */
const precedence: readonly ScenarioCategory[] = ['fantasy', 'personal', 'society', 'science', 'history'];

/** The patterns of the question's own language: ASCII word boundaries misfire inside Vietnamese words. */
export function inferCategory(question: string, language: ScenarioLanguage): ScenarioCategory {
  let best: ScenarioCategory = 'history';
  let bestScore = 0;
  for (const category of precedence) {
    const pattern = signals[category][language];
    const score = question.match(new RegExp(pattern.source, 'gi'))?.length ?? 0;
    if (score > bestScore) {
      best = category;
      bestScore = score;
    }
  }
  return best;
}
