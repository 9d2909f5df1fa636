/** CSV export (RFC 4180: CRLF line ends, fields quoted when they hold a comma, quote or line break). */

import type { Analysis } from '../analyze';

export interface CsvOptions {
	/** Added to start/end, e.g. the selection's offset in the document. */
	offset?: number;
	/** y⟨t⟩ per token; adds a `label` column. */
	labels?: ArrayLike<number | string>;
	/** Typed tags per token (B-PER…); adds a `tag` column. */
	tags?: readonly string[];
}

export interface CsvExample extends CsvOptions {
	analysis: Analysis;
}

export const csvColumns = ['t', 'token', 'start', 'end', 'index', 'column', 'unknown'] as const;

function field(value: string | number): string {
	const text = String(value);
	return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

interface Columns {
	example: boolean;
	label: boolean;
	tag: boolean;
}

function header(columns: Columns): string {
	return [...(columns.example ? ['example'] : []), ...csvColumns, ...(columns.label ? ['label'] : []), ...(columns.tag ? ['tag'] : [])].join(',');
}

function rows(e: CsvExample, columns: Columns, example: number, out: string[]): void {
	const { analysis } = e;
	const offset = e.offset ?? 0;
	const base = analysis.vocabulary.base;
	for (let t = 0; t < analysis.length; t++) {
		const start = analysis.starts[t];
		const end = analysis.ends[t];
		const cells: (string | number)[] = columns.example ? [example] : [];
		cells.push(t + 1, analysis.text.slice(start, end), start + offset, end + offset, analysis.indices[t], analysis.indices[t] - base, analysis.unknown[t]);
		if (columns.label) {
			cells.push(e.labels?.[t] ?? '');
		}
		if (columns.tag) {
			cells.push(e.tags?.[t] ?? '');
		}
		out.push(cells.map(field).join(','));
	}
}

/**
 * One row per token: t (1-based), token, start, end (UTF-16 offsets), index, column
 * (index − base), unknown (0/1), then label and tag when given.
 */
export function analysisToCsv(analysis: Analysis, options: CsvOptions = {}): string {
	const columns = { example: false, label: options.labels !== undefined, tag: options.tags !== undefined };
	const out = [header(columns)];
	rows({ ...options, analysis }, columns, 1, out);
	return out.join('\r\n') + '\r\n';
}

/** Several examples in one table with a leading `example` column (i, 1-based). */
export function analysesToCsv(examples: readonly CsvExample[]): string {
	const columns = {
		example: true,
		label: examples.some((e) => e.labels !== undefined),
		tag: examples.some((e) => e.tags !== undefined),
	};
	const out = [header(columns)];
	examples.forEach((e, i) => rows(e, columns, i + 1, out));
	return out.join('\r\n') + '\r\n';
}
