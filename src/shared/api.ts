/**
 * The plain-JSON results commands hand to `vscode.commands.executeCommand` callers: the
 * extension's public API for scripts, tests and other extensions (docs/api.md, "Command API").
 */

import type { AnalysisRecord } from '../core/analyze';

/** One analysed selection X^(i); token offsets are document offsets (UTF-16 code units). */
export interface ExampleRecord extends AnalysisRecord {
	/** Example number i of X^(i), 1-based, in document order. */
	i: number;
	/** Document offset where the analysed text starts. */
	start: number;
	/** Document offset one past the analysed text. */
	end: number;
}

/** What `sequenceLens.tokenizeSelection` (and `sequenceLens.getAnalysis`) returns. */
export interface DocumentAnalysisResult {
	/** The document's URI, as `Uri.toString()`. */
	uri: string;
	/** The document version the offsets belong to. */
	version: number;
	/** m, the number of examples. */
	m: number;
	examples: ExampleRecord[];
	/**
	 * Set when the analysis has more than 10,000 tokens in all and the command left each
	 * example's `tokens` empty (`T_x` and the counts are still there); `sequenceLens.getAnalysis`
	 * returns every token.
	 */
	tokensOmitted?: true;
}

/** What `sequenceLens.showMatrix` returns. */
export interface MatrixShownResult {
	uri: string;
	version: number;
	m: number;
	/** T_x^(i) for each example. */
	T_x: number[];
	V: number;
}

/** What `sequenceLens.clear` returns. */
export interface ClearResult {
	/** How many documents lost their analysis. */
	cleared: number;
}
