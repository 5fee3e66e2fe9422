export { detectLanguage } from './language';
export { inferCategory } from './category';
export { analyzeQuestion, presentYear } from './question-facts';
export { splitSubjectAndChange, coreOfQuestion } from './subject';
export { extractEra, extractAge } from './era';
export { findAnchor } from './anchors';
export type { Anchor, ChangeKind, Domain, NameCulture, QuestionFacts, TimePoint } from './facts';
