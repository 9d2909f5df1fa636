// Named-entity labels: the lazily loaded tagger, the pure rule layer and token alignment.
export { createTagger } from './tagger';
export type { Tagger, TagChunksOptions } from './tagger';
export { alignEntities, spansFromTags } from './align';
export type { AlignedLabels } from './align';
export { splitChunks } from './chunks';
export type { TextChunk } from './chunks';
export { entitiesFromTerms, harmoniseSpans } from './rules';
export type { Term, NameLists } from './rules';
export { entityTypes } from './types';
export type { EntitySpan, EntityType, EntitySource } from './types';
export { applyCorrections, correctionFor, correctedTypes, isCorrectedType, withCorrection } from './corrections';
export type { CorrectedLabels, CorrectedType, LabelCorrection } from './corrections';
export { findNearest, reanchorAfterEdits, reanchorToText } from './reanchor';
export type { TextEdit } from './reanchor';
export { CorrectionsFileError, parseCorrections, serializeCorrections } from './correctionsFile';
export { ExternalOutputError, parseExternalSpans } from './externalSpans';
export { conllToExamples } from './conllExamples';
export type { ConllExamples } from './conllExamples';
