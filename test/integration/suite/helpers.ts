// Shared steps for the integration tests: they drive the real extension through its commands
// and read results back through the command API (docs/api.md), never through internals.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { DocumentAnalysisResult } from '../../../src/shared/api';

export const commands = {
	tokenizeSelection: 'sequenceLens.tokenizeSelection',
	showMatrix: 'sequenceLens.showMatrix',
	clear: 'sequenceLens.clear',
	openReferenceExample: 'sequenceLens.openReferenceExample',
	getAnalysis: 'sequenceLens.getAnalysis',
} as const;

function tabCount(): number {
	return vscode.window.tabGroups.all.reduce((n, group) => n + group.tabs.length, 0);
}

/**
 * Closes every editor, dropping unsaved untitled text first: closing a dirty editor would ask
 * "Save changes?" and wait for an answer nobody gives.
 */
export async function closeAllEditors(): Promise<void> {
	for (let guard = 0; tabCount() > 0 && guard < 100; guard++) {
		// An editor opened beside without focus leaves the focused group empty: move to one with tabs.
		if (vscode.window.tabGroups.activeTabGroup.tabs.length === 0) {
			await vscode.commands.executeCommand('workbench.action.focusNextGroup');
			continue;
		}
		await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
	}
	assert.equal(tabCount(), 0, 'all editors closed');
}

let fileCounter = 0;
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'sl-it-'));

/**
 * Opens `content` from a new file in an editor. A file rather than an untitled document: the
 * extension host keeps closed untitled documents for a while and may hand a stale one back for
 * the next untitled name.
 */
export async function openText(content: string, extension = 'txt'): Promise<vscode.TextEditor> {
	const uri = vscode.Uri.file(path.join(scratch, `doc-${++fileCounter}.${extension}`));
	await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(content));
	const document = await vscode.workspace.openTextDocument(uri);
	assert.equal(document.getText(), content);
	return vscode.window.showTextDocument(document, { preview: false });
}

/** Selects the first occurrence of each needle (document offsets found with indexOf). */
export function selectTexts(editor: vscode.TextEditor, ...needles: string[]): void {
	const text = editor.document.getText();
	editor.selections = needles.map((needle) => {
		const start = text.indexOf(needle);
		assert.ok(start >= 0, `${JSON.stringify(needle)} is in the document ${JSON.stringify(text)}`);
		return new vscode.Selection(editor.document.positionAt(start), editor.document.positionAt(start + needle.length));
	});
}

export function selectAll(editor: vscode.TextEditor): void {
	const document = editor.document;
	editor.selection = new vscode.Selection(new vscode.Position(0, 0), document.positionAt(document.getText().length));
}

export async function tokenize(): Promise<DocumentAnalysisResult | undefined> {
	return vscode.commands.executeCommand<DocumentAnalysisResult | undefined>(commands.tokenizeSelection);
}

export async function getAnalysis(uri: vscode.Uri): Promise<DocumentAnalysisResult | undefined> {
	return vscode.commands.executeCommand<DocumentAnalysisResult | undefined>(commands.getAnalysis, uri.toString());
}

/** Polls `probe` until it returns a value other than undefined, or fails after `ms`. */
export async function waitFor<T>(probe: () => T | undefined | Promise<T | undefined>, what: string, ms = 5000): Promise<T> {
	const deadline = Date.now() + ms;
	for (;;) {
		const value = await probe();
		if (value !== undefined) {
			return value;
		}
		if (Date.now() > deadline) {
			assert.fail(`timed out after ${ms} ms waiting for ${what}`);
		}
		await new Promise((resolve) => setTimeout(resolve, 50));
	}
}

/** Every token's offsets, converted by VS Code itself, must cover exactly the token's text. */
export function assertOffsetsMatchDocument(document: vscode.TextDocument, result: DocumentAnalysisResult): void {
	for (const example of result.examples) {
		for (const token of example.tokens) {
			const range = new vscode.Range(document.positionAt(token.start), document.positionAt(token.end));
			assert.equal(document.getText(range), token.text, `x⟨${token.t}⟩ of X^(${example.i}) at ${token.start}…${token.end}`);
		}
	}
}

export async function updateSetting(key: string, value: unknown): Promise<void> {
	await vscode.workspace.getConfiguration('sequenceLens').update(key, value, vscode.ConfigurationTarget.Global);
}

/** The text of every hover VS Code's own hover command returns at `offset`, as the editor would show it. */
export async function hoverText(document: vscode.TextDocument, offset: number): Promise<string> {
	const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, document.positionAt(offset));
	return hovers
		.flatMap((hover) => hover.contents)
		.map((content) => (typeof content === 'string' ? content : content.value))
		.join('\n');
}

/** The analysis of `uri` once its labels have arrived (the first load of the tagger can take seconds on a busy machine). */
export function labelled(uri: vscode.Uri, ms = 60000): Promise<DocumentAnalysisResult> {
	return waitFor(
		async () => {
			const result = await getAnalysis(uri);
			return result && result.examples.every((x) => x.tokens.every((token) => token.label !== undefined)) ? result : undefined;
		},
		'labels',
		ms,
	);
}
