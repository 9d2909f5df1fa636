/**
 * Commands that correct labels by hand: toggle y⟨t⟩ (PER ↔ O), set an entity type, undo, reset.
 * Each writes a stand-off correction (correctionStore.ts); the document is never modified.
 * Results are plain JSON (docs/api.md, "Command API").
 */

import * as vscode from 'vscode';
import { withCorrection, isCorrectedType, type CorrectedType } from '../../core/ner/corrections';
import { entityTypes } from '../../core/ner/types';
import type { AnalysisStore, DocumentAnalysis } from '../editor/analysisStore';
import { positionToOffset } from '../editor/convert';
import { locateToken } from '../editor/hoverProvider';
import { uriFromArgument } from '../util/uriArgument';
import type { CorrectionStore } from './correctionStore';
import { labelsEnabled, type LabelService } from './labelService';

export const labelCommandIds = {
	toggleLabel: 'sequenceLens.toggleLabel',
	setEntityType: 'sequenceLens.setEntityType',
	undoLabelCorrection: 'sequenceLens.undoLabelCorrection',
	resetLabelCorrections: 'sequenceLens.resetLabelCorrections',
} as const;

/** A token named by its document offsets (UTF-16), as the panel and scripts pass it. */
export interface TokenArgument {
	uri: string;
	start: number;
	end: number;
}

/** What toggleLabel and setEntityType return: the token's label after the correction. */
export interface LabelCorrectionResult {
	/** y⟨t⟩. */
	label: 0 | 1;
	/** The token's BIO tag. */
	tag: string;
}

interface LabelServices {
	store: AnalysisStore;
	labels: LabelService;
	corrections: CorrectionStore;
}

interface Target {
	document: vscode.TextDocument;
	entry: DocumentAnalysis;
	example: number;
	row: number;
}

function isTokenArgument(value: unknown): value is TokenArgument {
	if (typeof value !== 'object' || value === null) return false;
	const v = value as Record<string, unknown>;
	const isOffset = (n: unknown) => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;
	return typeof v.uri === 'string' && isOffset(v.start) && isOffset(v.end) && (v.end as number) >= (v.start as number);
}

const noToken = () =>
	vscode.l10n.t('Sequence Lens: put the cursor on a tokenized word first (run Tokenize Selection), then correct its label.');

/** The token an argument names, else the one at (or just before) the active editor's cursor. */
function findTarget(services: LabelServices, argument: unknown): Target | undefined {
	let document: vscode.TextDocument | undefined;
	let offset: number;
	let fallback: number | undefined;
	if (isTokenArgument(argument)) {
		document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === argument.uri);
		offset = argument.start;
	} else {
		const editor = vscode.window.activeTextEditor;
		document = editor?.document;
		offset = editor && document ? positionToOffset(document, editor.selection.active) : 0;
		// A cursor right after a word still means that word.
		fallback = offset - 1;
	}
	const entry = document ? services.store.get(document) : undefined;
	if (!document || !entry) return undefined;
	const location = locateToken(entry, offset) ?? (fallback !== undefined && fallback >= 0 ? locateToken(entry, fallback) : undefined);
	return location ? { document, entry, example: location.example, row: location.row } : undefined;
}

const typeOfTag = (tag: string | undefined) => (!tag || tag === 'O' ? 'O' : tag.slice(tag.indexOf('-') + 1));

/**
 * Sets the token of `target` to `type` by a correction, or removes the token's correction when
 * the automatic label already says `type`, so corrections only ever record disagreements.
 */
async function correct(services: LabelServices, target: Target, type: CorrectedType): Promise<LabelCorrectionResult | undefined> {
	const { entry, document } = target;
	const ex = entry.examples[target.example];
	const a = ex.analysis;
	const start = ex.offset + a.starts[target.row];
	const end = ex.offset + a.ends[target.row];
	const automatic = services.labels.automaticLabels(ex)?.tags[target.row];
	const current = services.corrections.list(document.uri);
	const next =
		automatic !== undefined && typeOfTag(automatic) === type
			? withCorrection(current, start, end, undefined)
			: withCorrection(current, start, end, { start, end, text: document.getText().slice(start, end), type });
	await services.corrections.update(document.uri, next);
	const labels = entry.examples[target.example].labels;
	return { label: labels?.binary[target.row] === 1 ? 1 : 0, tag: labels?.tags[target.row] ?? 'O' };
}

/** Finds the token, waits for its automatic labels and loaded corrections; reports why not. */
async function prepare(services: LabelServices, argument: unknown): Promise<Target | undefined> {
	const target = findTarget(services, argument);
	if (!target) {
		void vscode.window.showInformationMessage(noToken());
		return undefined;
	}
	if (!labelsEnabled(target.document.uri)) {
		void vscode.window.showInformationMessage(
			vscode.l10n.t('Sequence Lens: labels are turned off (setting “sequenceLens.labels.enabled”). Turn them on to correct them.'),
		);
		return undefined;
	}
	await services.labels.whenLabelled(target.entry);
	await services.corrections.ensureLoaded(target.document.uri);
	// The analysis may have been replaced while the labels were coming.
	return services.store.get(target.document) === target.entry ? target : findTarget(services, argument);
}

async function toggleLabel(services: LabelServices, argument: unknown): Promise<LabelCorrectionResult | undefined> {
	const target = await prepare(services, argument);
	if (!target) return undefined;
	const labels = target.entry.examples[target.example].labels;
	return correct(services, target, labels?.binary[target.row] === 1 ? 'O' : 'PER');
}

const typeDescriptions = (): Record<CorrectedType, string> => ({
	PER: vscode.l10n.t('person (y⟨t⟩ = 1)'),
	LOC: vscode.l10n.t('location'),
	ORG: vscode.l10n.t('organisation'),
	MISC: vscode.l10n.t('miscellaneous entity'),
	O: vscode.l10n.t('not part of a named entity'),
});

async function setEntityType(services: LabelServices, argument: unknown): Promise<LabelCorrectionResult | undefined> {
	const target = await prepare(services, argument);
	if (!target) return undefined;
	let type: CorrectedType | undefined;
	const given = typeof argument === 'object' && argument !== null ? (argument as Record<string, unknown>).type : argument;
	if (isCorrectedType(given)) {
		type = given;
	} else {
		const ex = target.entry.examples[target.example];
		const current = typeOfTag(ex.labels?.tags[target.row]);
		const descriptions = typeDescriptions();
		const pick = await vscode.window.showQuickPick(
			[...entityTypes, 'O' as const].map((id) => ({
				label: id,
				description: id === current ? vscode.l10n.t('{0} · current', descriptions[id]) : descriptions[id],
				id,
			})),
			{
				title: vscode.l10n.t('Entity type of “{0}”', ex.analysis.text.slice(ex.analysis.starts[target.row], ex.analysis.ends[target.row])),
				placeHolder: vscode.l10n.t('A correction kept beside the document; the document is not changed'),
			},
		);
		type = pick?.id;
	}
	return type ? correct(services, target, type) : undefined;
}

/** The document a command argument names (as the other commands read it), else the active editor's. */
function activeUri(argument: unknown): vscode.Uri | undefined {
	return typeof argument === 'string' || argument instanceof vscode.Uri ? uriFromArgument(argument) : vscode.window.activeTextEditor?.document.uri;
}

async function undoCorrection(services: LabelServices, argument: unknown): Promise<{ undone: boolean } | undefined> {
	const uri = activeUri(argument);
	if (!uri) {
		void vscode.window.showInformationMessage(noToken());
		return undefined;
	}
	const undone = await services.corrections.undo(uri);
	if (!undone) {
		void vscode.window.showInformationMessage(vscode.l10n.t('Sequence Lens: no label correction to undo in this document.'));
	}
	return { undone };
}

async function resetCorrections(services: LabelServices, argument: unknown): Promise<{ removed: number } | undefined> {
	const uri = activeUri(argument);
	if (!uri) {
		void vscode.window.showInformationMessage(noToken());
		return undefined;
	}
	await services.corrections.ensureLoaded(uri);
	const removed = services.corrections.list(uri).length;
	if (removed === 0) {
		void vscode.window.showInformationMessage(vscode.l10n.t('Sequence Lens: this document has no label corrections.'));
		return { removed };
	}
	await services.corrections.update(uri, []);
	const undo = vscode.l10n.t('Undo');
	// Undoable, so it does not ask first; the message offers the way back.
	void vscode.window
		.showInformationMessage(
			removed === 1 ? vscode.l10n.t('Sequence Lens: removed 1 label correction.') : vscode.l10n.t('Sequence Lens: removed {0} label corrections.', removed),
			undo,
		)
		.then((choice) => (choice === undo ? services.corrections.undo(uri) : undefined));
	return { removed };
}

export function registerLabelCommands(services: LabelServices): vscode.Disposable[] {
	return [
		vscode.commands.registerCommand(labelCommandIds.toggleLabel, (argument?: unknown) => toggleLabel(services, argument)),
		vscode.commands.registerCommand(labelCommandIds.setEntityType, (argument?: unknown) => setEntityType(services, argument)),
		vscode.commands.registerCommand(labelCommandIds.undoLabelCorrection, (argument?: unknown) => undoCorrection(services, argument)),
		vscode.commands.registerCommand(labelCommandIds.resetLabelCorrections, (argument?: unknown) => resetCorrections(services, argument)),
	];
}
