/**
 * One lazy hover for every analysed document: nothing is built until the pointer rests on a
 * token, which is then found by binary search over the example's token starts.
 */

import * as vscode from 'vscode';
import { normalizeToken } from '../../core/normalize';
import { tokenAt } from '../../core/search';
import { stepLabel } from '../../shared/protocol';
import type { AnalysisStore, DocumentAnalysis } from './analysisStore';
import { addToVocabularyCommandId, type AddToVocabularyArguments } from '../commands/addToVocabulary';
import { showTokenInMatrixCommandId, type TokenReference } from '../commands/showTokenInMatrix';
import { offsetsToRange, positionToOffset } from './convert';
import { markdownCode, markdownText } from './markdownText';

export interface TokenLocation {
	/** 0-based example position. */
	example: number;
	/** 0-based time step. */
	row: number;
}

/** The token of `entry` under a document offset, or undefined. */
export function locateToken(entry: DocumentAnalysis, offset: number): TokenLocation | undefined {
	for (let k = 0; k < entry.examples.length; k++) {
		const ex = entry.examples[k];
		const a = ex.analysis;
		if (offset < ex.offset || offset > ex.offset + a.text.length) {
			continue;
		}
		const row = tokenAt(a.starts, a.ends, a.length, offset - ex.offset);
		if (row >= 0) {
			return { example: k, row };
		}
	}
	return undefined;
}

/** A `command:` URI whose single argument is `arg`, safe inside a Markdown link. */
export function commandLink(command: string, arg: unknown): string {
	// encodeURIComponent leaves ( ) ' ! * alone; a ")" would end the Markdown link early.
	const encoded = encodeURIComponent(JSON.stringify([arg])).replace(/[()'!*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
	return `command:${command}?${encoded}`;
}

/** Link labels are our own strings, but translations may hold Markdown characters. */
function escapeLinkText(text: string): string {
	return text.replace(/[\\[\]*_`<>]/g, (c) => `\\${c}`);
}

export class TokenHoverProvider implements vscode.HoverProvider {
	constructor(private readonly store: AnalysisStore) {}

	provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
		const entry = this.store.get(document);
		if (!entry) {
			return undefined;
		}
		const location = locateToken(entry, positionToOffset(document, position));
		if (!location) {
			return undefined;
		}
		const ex = entry.examples[location.example];
		const a = ex.analysis;
		const t = location.row;
		const text = a.text.slice(a.starts[t], a.ends[t]);
		const normalized = normalizeToken(text, a.options);
		const index = a.indices[t];
		const v = a.vocabulary;
		const column = v.column(index);
		const step = stepLabel(t + 1, entry.examples.length > 1 ? location.example + 1 : undefined);

		// Each sentence is one localised string, so a translation may put its parts in any order;
		// user text (the token, its normalised form, a file name) fills placeholders only after
		// markdownText() has escaped it (or markdownCode() has fenced it). Links may run these two commands and no other, and their
		// arguments are URI-encoded JSON.
		const md = new vscode.MarkdownString();
		md.isTrusted = { enabledCommands: [addToVocabularyCommandId, showTokenInMatrixCommandId] };
		md.supportHtml = false;
		const quotedText = markdownText(JSON.stringify(text));
		const quotedNormalized = markdownText(JSON.stringify(normalized));
		md.appendMarkdown(vscode.l10n.t('**{0}** = {1}\u2003 t = {2} of T_x = {3}', step, quotedText, t + 1, a.length));
		md.appendMarkdown('\n\n');
		md.appendMarkdown(vscode.l10n.t('normalised form: {0}', quotedNormalized));
		md.appendMarkdown('\n\n');
		if (a.unknown[t] === 1) {
			md.appendMarkdown(
				vscode.l10n.t('index **{0}** = {1} of |V| = {2} ({3})', index, markdownCode(v.unkToken), v.size, v.convention),
			);
			md.appendMarkdown('\n\n');
			md.appendMarkdown(
				vscode.l10n.t('Why {0}: the normalised form {1} is not in the vocabulary “{2}”, so it maps to the unknown index.', markdownCode(v.unkToken), quotedNormalized, markdownText(v.name)),
			);
		} else {
			md.appendMarkdown(vscode.l10n.t('index **{0}** of |V| = {1} ({2})', index, v.size, v.convention));
		}
		md.appendMarkdown('\n\n');
		md.appendMarkdown(vscode.l10n.t('one-hot: e_{0} ∈ ℝ^{1} (a single 1 in column {2})', index, v.size, column));
		md.appendMarkdown('\n\n');
		const reference: TokenReference = { uri: entry.uri.toString(), analysisId: entry.id, example: location.example, row: t };
		const links = [`[${escapeLinkText(vscode.l10n.t('Show in matrix'))}](${commandLink(showTokenInMatrixCommandId, reference)} "${vscode.l10n.t('Open the one-hot matrix on this row')}")`];
		if (a.unknown[t] === 1 && v.kind === 'word') {
			const args: AddToVocabularyArguments = { word: normalized, uri: entry.uri.toString() };
			links.unshift(`[${escapeLinkText(vscode.l10n.t('Add to vocabulary'))}](${commandLink(addToVocabularyCommandId, args)} "${vscode.l10n.t('Add the normalised form to your vocabulary file')}")`);
		}
		md.appendMarkdown(links.join(' · '));
		return new vscode.Hover(md, offsetsToRange(document, ex.offset + a.starts[t], ex.offset + a.ends[t]));
	}
}
