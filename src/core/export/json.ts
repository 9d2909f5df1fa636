/** JSON export: the analysis record plus the convention it was numbered under, so a reader knows the layout. */

import { analysisToRecord, type Analysis, type AnalysisRecord } from '../analyze';
import { conventions, type ConventionId } from '../conventions';
import type { Vocabulary } from '../vocabulary';

export interface JsonExample {
	analysis: Analysis;
	/** Added to start/end, e.g. the selection's offset in the document. */
	offset?: number;
	/** y⟨t⟩ per token. */
	labels?: ArrayLike<number>;
	/** Typed tags per token. */
	tags?: readonly string[];
}

/** What an export says about the index layout it used. */
export interface ConventionMetadata {
	id: ConventionId;
	label: string;
	/** Index of the first vocabulary entry; one-hot column = index − base. */
	base: number;
	/** |V|, every entry counted. */
	size: number;
	unkIndex: number;
	unkToken: string;
	padIndex: number | null;
	vocabulary: string;
	vocabularyKind: 'word' | 'subword';
}

export const jsonExportFormat = 'sequence-lens/analysis';
export const jsonExportVersion = 1;

export function conventionMetadata(vocabulary: Vocabulary): ConventionMetadata {
	return {
		id: vocabulary.convention,
		label: conventions[vocabulary.convention].label,
		base: vocabulary.base,
		size: vocabulary.size,
		unkIndex: vocabulary.unkIndex,
		unkToken: vocabulary.unkToken,
		padIndex: vocabulary.padIndex,
		vocabulary: vocabulary.name,
		vocabularyKind: vocabulary.kind,
	};
}

export interface AnalysisJson extends AnalysisRecord {
	format: typeof jsonExportFormat;
	version: number;
	conventionMetadata: ConventionMetadata;
}

export interface AnalysesJson {
	format: typeof jsonExportFormat;
	version: number;
	conventionMetadata: ConventionMetadata;
	/** m. */
	m: number;
	examples: AnalysisRecord[];
}

/** One analysis as JSON text (`analysisToRecord` fields plus format, version and conventionMetadata). */
export function analysisToJson(example: JsonExample, indent: string | number = '\t'): string {
	const record = analysisToRecord(example.analysis, example.offset ?? 0, example.labels, example.tags);
	const out: AnalysisJson = {
		format: jsonExportFormat,
		version: jsonExportVersion,
		conventionMetadata: conventionMetadata(example.analysis.vocabulary),
		...record,
	};
	return JSON.stringify(out, null, indent) + '\n';
}

/** Several examples X^(1) … X^(m) as one JSON document. They must share one vocabulary. */
export function analysesToJson(examples: readonly JsonExample[], indent: string | number = '\t'): string {
	if (examples.length === 0) {
		throw new RangeError('Nothing to export: no examples.');
	}
	const vocabulary = examples[0].analysis.vocabulary;
	if (examples.some((e) => e.analysis.vocabulary !== vocabulary)) {
		throw new RangeError('The examples were analysed with different vocabularies; export them separately.');
	}
	const out: AnalysesJson = {
		format: jsonExportFormat,
		version: jsonExportVersion,
		conventionMetadata: conventionMetadata(vocabulary),
		m: examples.length,
		examples: examples.map((e) => analysisToRecord(e.analysis, e.offset ?? 0, e.labels, e.tags)),
	};
	return JSON.stringify(out, null, indent) + '\n';
}
