/**
 * Open CoNLL File as Examples…: a CoNLL / BIO file becomes a read-only document with one
 * sentence per line, analysed as examples X^(i), whose labels Y^(i) are the file's gold tags
 * (the LabelService asks `goldSpans` before running a tagger). The file itself is not changed.
 */

import * as vscode from 'vscode';
import { ConllParseError, parseConll } from '../../core/export/conllReader';
import { conllToExamples, type ConllExamples } from '../../core/ner/conllExamples';
import type { EntitySpan } from '../../core/ner/types';
import type { DocumentAnalysisResult } from '../../shared/api';
import { returnedTokenLimit, toResult, type Analyzer } from '../analyzer';
import type { AnalysisStore } from '../editor/analysisStore';
import { Disposable } from '../util/dispose';
import { uriFromArgument } from '../util/uriArgument';
import type { LabelService } from './labelService';
import { baseName } from '../util/uriName';

export const conllScheme = 'sequence-lens-conll';
export const openConllCommandId = 'sequenceLens.openConllFile';

const conllExtensions = ['conll', 'bio', 'iob', 'iob2'];

/** What Open CoNLL File as Examples… returns: the analysis, labelled, and where it came from. */
export interface ConllOpenedResult extends DocumentAnalysisResult {
	/** The CoNLL file that was read. */
	source: string;
	/** Entity types of the file outside PER/LOC/ORG/MISC, shown as MISC. */
	otherTypes: string[];
}

export class ConllDocuments extends Disposable implements vscode.TextDocumentContentProvider {
	private readonly opened = new Map<string, ConllExamples>();
	private readonly changeEmitter = this._register(new vscode.EventEmitter<vscode.Uri>());
	readonly onDidChange = this.changeEmitter.event;

	constructor() {
		super();
		this._register(vscode.workspace.registerTextDocumentContentProvider(conllScheme, this));
	}

	provideTextDocumentContent(uri: vscode.Uri): string {
		return this.opened.get(uri.toString())?.text ?? '';
	}

	/** Gold spans of an opened CoNLL document, in its offsets; undefined for other documents. */
	goldSpans(uri: vscode.Uri): readonly EntitySpan[] | undefined {
		return this.opened.get(uri.toString())?.spans;
	}

	/** The examples' document for `source`, with `examples` as its text. */
	async open(source: vscode.Uri, examples: ConllExamples): Promise<vscode.TextDocument> {
		const uri = vscode.Uri.from({ scheme: conllScheme, path: `${source.path}.examples.txt`, query: source.toString() });
		this.opened.set(uri.toString(), examples);
		let document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
		if (document && document.getText() !== examples.text) {
			// Opened before from an older version of the file: wait for the new text to arrive.
			const updated = new Promise<void>((resolve) => {
				const timer = setTimeout(() => listener.dispose(), 5000);
				const listener = vscode.workspace.onDidChangeTextDocument((e) => {
					if (e.document.uri.toString() === uri.toString() && e.document.getText() === examples.text) {
						clearTimeout(timer);
						listener.dispose();
						resolve();
					}
				});
				timer.unref?.();
			});
			this.changeEmitter.fire(uri);
			await Promise.race([updated, new Promise((resolve) => setTimeout(resolve, 5000))]);
		}
		document ??= await vscode.workspace.openTextDocument(uri);
		return document;
	}
}

interface ConllServices {
	conll: ConllDocuments;
	analyzer: Analyzer;
	store: AnalysisStore;
	labels: LabelService;
}

async function pickSource(argument: unknown): Promise<vscode.Uri | undefined> {
	const given = uriFromArgument(argument);
	if (given) return given;
	const active = vscode.window.activeTextEditor?.document.uri;
	if (active && active.scheme !== conllScheme && new RegExp(`\\.(${conllExtensions.join('|')})$`, 'i').test(active.path)) {
		return active;
	}
	const picked = await vscode.window.showOpenDialog({
		canSelectMany: false,
		openLabel: vscode.l10n.t('Open as Examples'),
		title: vscode.l10n.t('Open a CoNLL / BIO file as examples'),
		filters: { [vscode.l10n.t('CoNLL / BIO')]: [...conllExtensions, 'txt', 'tsv'], [vscode.l10n.t('All files')]: ['*'] },
	});
	return picked?.[0];
}

async function openConll(services: ConllServices, argument: unknown): Promise<ConllOpenedResult | { error: string } | undefined> {
	const source = await pickSource(argument);
	if (!source) return undefined;
	const name = baseName(source);
	const fail = (error: string) => {
		void vscode.window.showErrorMessage(vscode.l10n.t('Sequence Lens: {0}', error));
		return { error };
	};
	let text: string;
	try {
		text = new TextDecoder().decode(await vscode.workspace.fs.readFile(source));
	} catch (error) {
		return fail(vscode.l10n.t('could not read {0}: {1}', name, error instanceof Error ? error.message : String(error)));
	}
	let examples: ConllExamples;
	try {
		examples = conllToExamples(parseConll(text));
	} catch (error) {
		if (error instanceof ConllParseError) {
			return fail(vscode.l10n.t('{0} is not a CoNLL / BIO file ({1}).', name, error.message));
		}
		throw error;
	}
	if (examples.lines.length === 0) {
		return fail(vscode.l10n.t('{0} has no sentences (expected “token … tag” lines with blank lines between sentences).', name));
	}
	const document = await services.conll.open(source, examples);
	await vscode.window.showTextDocument(document, { preview: false });
	const entry = await services.analyzer.analyzeSpans(document, examples.lines);
	await services.labels.whenLabelled(entry);
	if (examples.otherTypes.length > 0) {
		void vscode.window.showInformationMessage(
			vscode.l10n.t('Sequence Lens: {0} uses entity types outside PER, LOC, ORG and MISC ({1}); they are shown as MISC.', name, examples.otherTypes.join(', ')),
		);
	}
	const latest = services.store.get(document) ?? entry;
	return { ...toResult(latest, returnedTokenLimit), source: source.toString(), otherTypes: examples.otherTypes };
}

export function registerConllCommand(services: ConllServices): vscode.Disposable {
	return vscode.commands.registerCommand(openConllCommandId, (argument?: unknown) => openConll(services, argument));
}
