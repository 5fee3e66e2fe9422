export { detectLanguage } from './language';
export { inferCategory } from './category';
