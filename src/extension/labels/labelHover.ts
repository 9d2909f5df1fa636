/**
 * Adds y⟨t⟩ and the entity type to the token hover. A provider of its own: VS Code shows it under
 * the index hover, and it only has something to say once labels have arrived.
 */

import * as vscode from 'vscode';
import { correctionFor } from '../../core/ner/corrections';
import type { AnalysisStore } from '../editor/analysisStore';
import { offsetsToRange, positionToOffset } from '../editor/convert';
import { locateToken } from '../editor/hoverProvider';
import { isKeptInMemory } from './correctionStorage';
import type { CorrectionStore } from './correctionStore';
import type { LabelService } from './labelService';

const typeNames: Record<string, string> = {
	PER: 'person',
	LOC: 'location',
	ORG: 'organisation',
	MISC: 'miscellaneous',
};

export class LabelHoverProvider implements vscode.HoverProvider {
	constructor(
		private readonly store: AnalysisStore,
		private readonly corrections?: CorrectionStore,
		private readonly labels?: LabelService,
	) {}

	provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
		const entry = this.store.get(document);
		if (!entry) return undefined;
		const location = locateToken(entry, positionToOffset(document, position));
		if (!location) return undefined;
		const ex = entry.examples[location.example];
		const labels = ex.labels;
		if (!labels) return undefined;
		const t = location.row;
		const tag = labels.tags[t] ?? 'O';
		const type = tag === 'O' ? undefined : tag.slice(2);
		const md = new vscode.MarkdownString();
		md.isTrusted = false;
		md.supportHtml = false;
		md.appendMarkdown(`**y⟨${t + 1}⟩ = ${labels.binary[t]}**\u2003`);
		if (type) {
			md.appendMarkdown(vscode.l10n.t('tag `{0}`: part of a {1} ({2})', tag, typeNames[type] ?? type, type));
			const span = labels.spans.find((s) => s.start < ex.analysis.ends[t] && s.end > ex.analysis.starts[t]);
			if (span) {
				md.appendMarkdown(vscode.l10n.t(', entity '));
				md.appendText(JSON.stringify(span.text));
				if (span.source === 'file') md.appendMarkdown(vscode.l10n.t(' (gold label from the CoNLL file)'));
			}
		} else {
			md.appendMarkdown(vscode.l10n.t('tag `O`: not part of a named entity'));
		}
		const a = ex.analysis;
		const correction = this.corrections && correctionFor(this.corrections.list(document.uri), ex.offset + a.starts[t], ex.offset + a.ends[t]);
		if (correction) {
			const automatic = this.labels?.automaticLabels(ex)?.tags[t];
			md.appendMarkdown('\n\n');
			md.appendMarkdown(
				automatic === undefined
					? vscode.l10n.t('corrected by hand to `{0}`', correction.type)
					: vscode.l10n.t('corrected by hand to `{0}` (the tagger said `{1}`)', correction.type, automatic),
			);
			if (isKeptInMemory(document.uri)) {
				md.appendMarkdown(vscode.l10n.t('; kept in memory only (untitled document)'));
			}
		}
		return new vscode.Hover(md, offsetsToRange(document, ex.offset + a.starts[t], ex.offset + a.ends[t]));
	}
}
