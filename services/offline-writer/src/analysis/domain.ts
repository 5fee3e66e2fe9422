import type { ScenarioCategory, ScenarioLanguage } from '@what-if/contracts';
import type { Domain } from './facts';

const domainSignals: [Domain, Record<ScenarioLanguage, RegExp>][] = [
  [
    'war',
    {
      en: /\b(war|battle|army|invasion|won|lost|defeated|siege|fleet)\b/i,
      vi: /(chiến tranh|trận|quân|xâm lược|thắng|thua|đánh bại|vây)/i,
    },
  ],
  [
    'technology',
    {
      en: /\b(invent\w*|machine|computer|internet|engine|technology|electric\w*|press|rocket|phone)\b/i,
      vi: /(phát minh|máy|công nghệ|điện|internet|tên lửa|điện thoại)/i,
    },
  ],
  [
    'nature',
    {
      en: /\b(species|extinct|evolv\w*|animals?|plants?|photosynthe\w*|climate|ocean|dinosaurs?|humans?)\b/i,
      vi: /(loài|tuyệt chủng|tiến hóa|động vật|thực vật|quang hợp|khí hậu|đại dương|khủng long|con người)/i,
    },
  ],
  [
    'politics',
    {
      en: /\b(empire|king|queen|dynasty|republic|government|state|president|colony)\b/i,
      vi: /(đế chế|vua|triều|nhà nước|chính phủ|tổng thống|thuộc địa)/i,
    },
  ],
];

const categoryDomains: Record<ScenarioCategory, Domain> = {
  history: 'politics',
  science: 'technology',
  society: 'society',
  personal: 'life',
  fantasy: 'myth',
};

/**
 * The domain the question's own words point at; a personal or fantasy question keeps its
 * category's domain whatever it mentions, because a life or a myth is told in its own terms.
 */
export function inferDomain(
  question: string,
  language: ScenarioLanguage,
  category: ScenarioCategory,
): Domain {
  if (category === 'personal' || category === 'fantasy' || category === 'society')
    return categoryDomains[category];
  return (
    domainSignals.find(([, patterns]) => patterns[language].test(question))?.[0] ?? categoryDomains[category]
  );
}
