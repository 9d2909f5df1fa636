/**
 * The stand-off file that keeps one document's label corrections (docs/ner.md, "Manual
 * corrections"). Reading never throws on a well-formed file with some bad records: those are
 * skipped and counted, so one damaged entry cannot lose the others.
 */

import { isCorrectedType, type LabelCorrection } from './corrections';

export const correctionsFormat = 'sequence-lens/label-corrections';
export const correctionsFormatVersion = 1;

export interface CorrectionsFile {
	format: typeof correctionsFormat;
	version: typeof correctionsFormatVersion;
	/** The document's URI (`Uri.toString()`), so a file can be traced back by a person. */
	uri: string;
	corrections: LabelCorrection[];
}

export class CorrectionsFileError extends Error {}

export function serializeCorrections(uri: string, corrections: readonly LabelCorrection[]): string {
	const file: CorrectionsFile = {
		format: correctionsFormat,
		version: correctionsFormatVersion,
		uri,
		corrections: corrections.map((c) => ({ start: c.start, end: c.end, text: c.text, type: c.type, ...(c.detached ? { detached: true as const } : {}) })),
	};
	return `${JSON.stringify(file, null, '\t')}\n`;
}

const isOffset = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

/** The corrections in `json` for `uri`; throws CorrectionsFileError when it is not such a file or names another document. */
export function parseCorrections(json: string, uri: string): { corrections: LabelCorrection[]; skipped: number } {
	let value: unknown;
	try {
		value = JSON.parse(json);
	} catch (error) {
		throw new CorrectionsFileError(`not JSON (${error instanceof Error ? error.message : String(error)})`);
	}
	if (typeof value !== 'object' || value === null) throw new CorrectionsFileError('not a corrections file');
	const file = value as Record<string, unknown>;
	if (file.format !== correctionsFormat) throw new CorrectionsFileError(`not a corrections file (format ${JSON.stringify(file.format)})`);
	if (file.version !== correctionsFormatVersion) throw new CorrectionsFileError(`unsupported version ${JSON.stringify(file.version)}`);
	if (file.uri !== uri) throw new CorrectionsFileError(`the file belongs to ${JSON.stringify(file.uri)}`);
	if (!Array.isArray(file.corrections)) throw new CorrectionsFileError('“corrections” is not a list');
	const corrections: LabelCorrection[] = [];
	let skipped = 0;
	for (const item of file.corrections as unknown[]) {
		const r = (typeof item === 'object' && item !== null ? item : {}) as Record<string, unknown>;
		if (isOffset(r.start) && isOffset(r.end) && r.end > r.start && typeof r.text === 'string' && r.text.length === r.end - r.start && isCorrectedType(r.type)) {
			corrections.push({ start: r.start, end: r.end, text: r.text, type: r.type, ...(r.detached === true ? { detached: true as const } : {}) });
		} else {
			skipped++;
		}
	}
	return { corrections, skipped };
}
