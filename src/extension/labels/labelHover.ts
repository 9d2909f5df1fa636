/**
 * Adds y⟨t⟩ and the entity type to the token hover. A provider of its own: VS Code shows it under
 * the index hover, and it only has something to say once labels have arrived.
 */

import * as vscode from 'vscode';
import { correctionFor } from '../../core/ner/corrections';
import type { AnalysisStore } from '../editor/analysisStore';
import { offsetsToRange, positionToOffset } from '../editor/convert';
import { locateToken } from '../editor/hoverProvider';
import { markdownCode, markdownText } from '../editor/markdownText';
import { isKeptInMemory } from './correctionStorage';
import type { CorrectionStore } from './correctionStore';
import type { LabelService } from './labelService';

/** The entity types' names, localised; an unknown type is shown as its code. */
function typeName(type: string): string {
	switch (type) {
		case 'PER':
			return vscode.l10n.t('person');
		case 'LOC':
			return vscode.l10n.t('location');
		case 'ORG':
			return vscode.l10n.t('organisation');
		case 'MISC':
			return vscode.l10n.t('miscellaneous');
		default:
			return type;
	}
}

/**
 * The first line: y⟨t⟩ and what the tag means, one localised sentence per case so a
 * translation may order its parts freely; the entity's text is escaped before it fills in.
 */
function labelLine(t: number, y: number, tag: string, span: { text: string; source?: string } | undefined): string {
	if (tag === 'O') {
		return vscode.l10n.t('**y⟨{0}⟩ = {1}**\u2003tag `O`: not part of a named entity', t, y);
	}
	const type = tag.slice(2);
	// A gold tag comes from the user's CoNLL file, so it is fenced or escaped like any user text.
	const code = markdownCode(tag);
	const name = markdownText(typeName(type));
	const typeCode = markdownText(type);
	if (!span) {
		return vscode.l10n.t('**y⟨{0}⟩ = {1}**\u2003tag {2}: part of a {3} ({4})', t, y, code, name, typeCode);
	}
	const entity = markdownText(JSON.stringify(span.text));
	return span.source === 'file'
		? vscode.l10n.t('**y⟨{0}⟩ = {1}**\u2003tag {2}: part of a {3} ({4}), entity {5} (gold label from the CoNLL file)', t, y, code, name, typeCode, entity)
		: vscode.l10n.t('**y⟨{0}⟩ = {1}**\u2003tag {2}: part of a {3} ({4}), entity {5}', t, y, code, name, typeCode, entity);
}

/** The correction line, one localised sentence per case. */
function correctionLine(type: string, automatic: string | undefined, inMemory: boolean): string {
	if (automatic === undefined) {
		return inMemory
			? vscode.l10n.t('corrected by hand to {0}; kept in memory only (untitled document)', markdownCode(type))
			: vscode.l10n.t('corrected by hand to {0}', markdownCode(type));
	}
	return inMemory
		? vscode.l10n.t('corrected by hand to {0} (the tagger said {1}); kept in memory only (untitled document)', markdownCode(type), markdownCode(automatic))
		: vscode.l10n.t('corrected by hand to {0} (the tagger said {1})', markdownCode(type), markdownCode(automatic));
}

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
		const a = ex.analysis;
		const span = tag === 'O' ? undefined : labels.spans.find((s) => s.start < a.ends[t] && s.end > a.starts[t]);
		const md = new vscode.MarkdownString();
		md.isTrusted = false;
		md.supportHtml = false;
		md.appendMarkdown(labelLine(t + 1, labels.binary[t], tag, span));
		const correction = this.corrections && correctionFor(this.corrections.list(document.uri), ex.offset + a.starts[t], ex.offset + a.ends[t]);
		if (correction) {
			md.appendMarkdown('\n\n');
			md.appendMarkdown(correctionLine(correction.type, this.labels?.automaticLabels(ex)?.tags[t], isKeptInMemory(document.uri)));
		}
		return new vscode.Hover(md, offsetsToRange(document, ex.offset + a.starts[t], ex.offset + a.ends[t]));
	}
}
