/**
 * The offline writer: a scenario from a question with no model and no network, and the
 * question analysis the generation service also uses to resolve a request's options.
 */
export { createOfflineWriter, offlineWriterModel, offlineWriterVersion, type OfflineWriter } from './writer';
export type { SectionEvent, WriterRequest } from './request';
export { detectLanguage } from './reading/language';
export { inferCategory } from './reading/category';
