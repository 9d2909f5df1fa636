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
