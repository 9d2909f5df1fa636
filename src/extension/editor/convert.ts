/**
 * The only place that converts between core offsets (UTF-16 code units into the document) and
 * VS Code positions. `positionAt` counts UTF-16 units too, so surrogate pairs, CRLF and tabs
 * need no special casing here.
 */

import * as vscode from 'vscode';

export function offsetsToRange(document: vscode.TextDocument, start: number, end: number): vscode.Range {
	return new vscode.Range(document.positionAt(start), document.positionAt(end));
}

export function rangeToOffsets(document: vscode.TextDocument, range: vscode.Range): { start: number; end: number } {
	return { start: document.offsetAt(range.start), end: document.offsetAt(range.end) };
}

export function positionToOffset(document: vscode.TextDocument, position: vscode.Position): number {
	return document.offsetAt(position);
}

/** Document offsets of the start of line `fromLine` and the end of line `toLine` (clamped to the document). */
export function lineSpanToOffsets(document: vscode.TextDocument, fromLine: number, toLine: number): { start: number; end: number } {
	const last = document.lineCount - 1;
	const from = Math.max(0, Math.min(fromLine, last));
	const to = Math.max(from, Math.min(toLine, last));
	return { start: document.offsetAt(new vscode.Position(from, 0)), end: document.offsetAt(document.lineAt(to).range.end) };
}
