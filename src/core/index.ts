// The public surface of the core, built as dist/core.js (CommonJS) for plain Node use.
export { tokenize, tokenSpans, tokenizerKinds, TokenizerError } from './tokenize';
export type { Token, TokenSpans, TokenizeOptions, TokenizerKind } from './tokenize';
export { normalizeToken } from './normalize';
export type { NormalizeOptions, UnicodeForm } from './normalize';
export { Vocabulary, VocabularyError } from './vocabulary';
export type { VocabularyInit, VocabularyKind } from './vocabulary';
export { conventions, conventionIds, isConventionId, vocabularyFromWords, compareCodePoints } from './conventions';
export type { Convention, ConventionId } from './conventions';
export { defaultVocabulary, defaultWords, defaultVocabularyName, defaultWordsSource } from './defaultVocabulary';
export { analyze, analysisToRecord } from './analyze';
export type { Analysis, AnalyzeOptions, AnalysisRecord, TokenRecord } from './analyze';
export { tokenAt } from './search';
export { referenceSentence } from './reference';
