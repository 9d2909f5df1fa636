/**
 * The time cursor t: Next/Previous Token step through x⟨1⟩ … x⟨T_x⟩ of the active editor's
 * analysis, shown as a highlight (the selection stays put, so live mode is not re-triggered),
 * in the status bar and, when open, as the matrix's highlighted row.
 */

import * as vscode from 'vscode';
import { Disposable } from '../util/dispose';
import type { AnalysisStore, DocumentAnalysis } from './analysisStore';
import { offsetsToRange, positionToOffset } from './convert';
import { locateToken } from './hoverProvider';

export interface TimeStep {
	uri: vscode.Uri;
	analysisId: number;
	/** 0-based example position. */
	example: number;
	/** 0-based row (t − 1). */
	row: number;
}

/** What the step commands return: plain JSON. */
export interface TimeStepResult {
	i: number;
	t: number;
	T_x: number;
	text: string;
	index: number;
	unknown: boolean;
}

export class TimeCursor extends Disposable {
	private current: TimeStep | undefined;
	private readonly highlight = this._register(
		vscode.window.createTextEditorDecorationType({
			rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
			backgroundColor: new vscode.ThemeColor('editor.wordHighlightStrongBackground'),
			border: '1px solid',
			borderColor: new vscode.ThemeColor('editor.wordHighlightStrongBorder'),
		}),
	);
	private readonly moveEmitter = this._register(new vscode.EventEmitter<TimeStep | undefined>());
	readonly onDidMove = this.moveEmitter.event;

	constructor(private readonly store: AnalysisStore) {
		super();
		this._register(
			store.onDidChange((change) => {
				if (this.current && change.uri.toString() === this.current.uri.toString() && change.reason !== 'shifted') {
					this.reset();
				}
			}),
		);
	}

	get step(): TimeStep | undefined {
		return this.current;
	}

	/** Moves by `delta` tokens across the examples of the active editor's analysis. */
	move(delta: 1 | -1): TimeStepResult | undefined {
		const editor = vscode.window.activeTextEditor;
		const entry = editor ? this.store.get(editor.document) : undefined;
		if (!editor || !entry) {
			return undefined;
		}
		const flat = flatten(entry);
		if (flat.length === 0) {
			return undefined;
		}
		let position: number;
		if (this.current && this.current.analysisId === entry.id) {
			const at = flat.findIndex((s) => s.example === this.current?.example && s.row === this.current.row);
			position = Math.min(flat.length - 1, Math.max(0, at + delta));
		} else {
			// Start at the token under the editor's cursor, else the nearest one in the direction
			// of travel, else wrap to the other end.
			const offset = positionToOffset(editor.document, editor.selection.active);
			const here = locateToken(entry, offset);
			const startOf = (s: { example: number; row: number }) => entry.examples[s.example].offset + entry.examples[s.example].analysis.starts[s.row];
			if (here) {
				position = flat.findIndex((s) => s.example === here.example && s.row === here.row);
			} else if (delta > 0) {
				const next = flat.findIndex((s) => startOf(s) >= offset);
				position = next >= 0 ? next : 0;
			} else {
				let previous = -1;
				flat.forEach((s, k) => {
					if (startOf(s) < offset) {
						previous = k;
					}
				});
				position = previous >= 0 ? previous : flat.length - 1;
			}
		}
		const { example, row } = flat[position];
		return this.set(entry, example, row, editor);
	}

	/**
	 * Puts the time cursor on x⟨row + 1⟩ of example `example` of `entry` (Show in matrix from a
	 * hover): highlighted in the editors showing the document and followed by the matrix.
	 */
	set(entry: DocumentAnalysis, example: number, row: number, editor?: vscode.TextEditor): TimeStepResult | undefined {
		const ex = entry.examples[example];
		if (!ex || row < 0 || row >= ex.analysis.length) {
			return undefined;
		}
		this.current = { uri: entry.uri, analysisId: entry.id, example, row };
		const a = ex.analysis;
		const editors = editor ? [editor] : vscode.window.visibleTextEditors.filter((e) => e.document.uri.toString() === entry.uri.toString());
		for (const e of editors) {
			const range = offsetsToRange(e.document, ex.offset + a.starts[row], ex.offset + a.ends[row]);
			e.setDecorations(this.highlight, [range]);
			e.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
		}
		this.moveEmitter.fire(this.current);
		return {
			i: example + 1,
			t: row + 1,
			T_x: a.length,
			text: a.text.slice(a.starts[row], a.ends[row]),
			index: a.indices[row],
			unknown: a.unknown[row] === 1,
		};
	}

	private reset(): void {
		this.current = undefined;
		vscode.window.visibleTextEditors.forEach((e) => e.setDecorations(this.highlight, []));
		this.moveEmitter.fire(undefined);
	}
}

function flatten(entry: DocumentAnalysis): { example: number; row: number }[] {
	const out: { example: number; row: number }[] = [];
	entry.examples.forEach((ex, example) => {
		for (let row = 0; row < ex.analysis.length; row++) {
			out.push({ example, row });
		}
	});
	return out;
}
