/**
 * Live mode: while on, the active editor's non-empty selections are re-analysed shortly after
 * they change (or the text under them changes). Listeners exist only while live mode is on.
 */

import * as vscode from 'vscode';
import type { Analyzer, TextSpan } from './analyzer';
import { configSection, settingKeys } from './config';
import { rangeToOffsets } from './editor/convert';
import { Disposable } from './util/dispose';

export class LiveMode extends Disposable {
	private listeners: vscode.Disposable[] = [];
	private timer: ReturnType<typeof setTimeout> | undefined;
	private debounceMs: number;

	/**
	 * `readDebounceMs`: the pause after the last change before re-analysing (the setting
	 * `liveMode.debounceMs`). Read once and again when that setting changes, not on every
	 * selection change, so a new value still applies at once.
	 */
	constructor(
		private readonly analyzer: Analyzer,
		private readonly readDebounceMs: () => number,
	) {
		super();
		this.debounceMs = readDebounceMs();
		this._register(
			vscode.workspace.onDidChangeConfiguration((event) => {
				if (event.affectsConfiguration(`${configSection}.${settingKeys.liveModeDebounceMs}`)) {
					this.debounceMs = this.readDebounceMs();
				}
			}),
		);
		this._register({ dispose: () => this.stop() });
	}

	get enabled(): boolean {
		return this.listeners.length > 0;
	}

	/** Turns live mode on or off (the `liveMode.enabled` setting, or Toggle Live Mode). */
	set(on: boolean): boolean {
		return on === this.enabled ? this.enabled : this.toggle();
	}

	toggle(): boolean {
		if (this.enabled) {
			this.stop();
		} else {
			this.listeners = [
				vscode.window.onDidChangeTextEditorSelection((e) => {
					if (e.textEditor === vscode.window.activeTextEditor) {
						this.schedule();
					}
				}),
				vscode.workspace.onDidChangeTextDocument((e) => {
					if (e.document === vscode.window.activeTextEditor?.document && e.contentChanges.length > 0) {
						this.schedule();
					}
				}),
			];
			this.schedule();
		}
		void vscode.commands.executeCommand('setContext', 'sequenceLens:liveMode', this.enabled);
		return this.enabled;
	}

	private stop(): void {
		clearTimeout(this.timer);
		this.timer = undefined;
		this.listeners.forEach((d) => d.dispose());
		this.listeners = [];
	}

	private schedule(): void {
		clearTimeout(this.timer);
		this.timer = setTimeout(() => this.run(), this.debounceMs);
	}

	private run(): void {
		this.timer = undefined;
		const editor = vscode.window.activeTextEditor;
		if (!editor || editor.document.isClosed) {
			return;
		}
		const spans: TextSpan[] = editor.selections
			.filter((s) => !s.isEmpty)
			.map((s) => rangeToOffsets(editor.document, s))
			.sort((a, b) => a.start - b.start);
		if (spans.length === 0) {
			return;
		}
		// A tokenizer error while typing is not worth a popup (the explicit command reports it);
		// the previous analysis stays.
		this.analyzer.analyzeSpans(editor.document, spans).catch(() => undefined);
	}
}
