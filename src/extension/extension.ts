/** Composition root: builds the services and registers them; nothing heavy runs here. */

import * as vscode from 'vscode';
import { Analyzer, reportAnalysisError } from './analyzer';
import { registerCommands } from './commands';
import { LiveMode } from './liveMode';
import { affectedSettings, analysisSettings, decorationSettings, readConfig } from './config';
import { AnalysisMemory } from './editor/analysisMemory';
import { AnalysisRestore } from './editor/analysisRestore';
import { AnalysisStore } from './editor/analysisStore';
import { DecorationController } from './editor/decorationController';
import { TokenHoverProvider } from './editor/hoverProvider';
import { StatusBarController } from './editor/statusBar';
import { TimeCursor } from './editor/timeCursor';
import { ConllDocuments, registerConllCommand } from './labels/conllDocuments';
import { CorrectionStorage } from './labels/correctionStorage';
import { CorrectionStore } from './labels/correctionStore';
import { registerLabelCommands } from './labels/labelCommands';
import { LabelHoverProvider } from './labels/labelHover';
import { LabelService } from './labels/labelService';
import { NameDecorations } from './labels/nameDecorations';
import { parsePanelState } from '../shared/protocol';
import { RegexGuard } from './regex/regexGuard';
import { restrictedSettingsOf, TrustNotice } from './trustNotice';
import { MatrixPanel, matrixViewType } from './webview/matrixPanel';

/** Writes label corrections whose write was still waiting for a pause in typing. */
let flushCorrections: (() => Promise<void>) | undefined;

export function activate(context: vscode.ExtensionContext): void {
	const store = new AnalysisStore();
	// The worker thread for user patterns starts with the first `regex` analysis.
	const regexGuard = new RegexGuard(vscode.Uri.joinPath(context.extensionUri, 'dist', 'regexWorker.js').fsPath);
	const analyzer = new Analyzer(store, readConfig, regexGuard);
	const decorations = new DecorationController(store, readConfig);
	const timeCursor = new TimeCursor(store);
	const statusBar = new StatusBarController(store, timeCursor);
	const liveMode = new LiveMode(analyzer, () => readConfig().liveModeDebounceMs);
	if (readConfig().liveModeEnabled) {
		liveMode.set(true);
	}
	// Constructing it starts nothing: the worker thread starts with the first analysis to label.
	const corrections = new CorrectionStore(new CorrectionStorage(context.storageUri, context.globalStorageUri));
	flushCorrections = () => corrections.flush();
	const conll = new ConllDocuments();
	const labels = new LabelService(vscode.Uri.joinPath(context.extensionUri, 'dist', 'nerWorker.js').fsPath, store, corrections, (uri) =>
		conll.goldSpans(uri),
	);
	const nameDecorations = new NameDecorations(store, (document) => readConfig(document).underlineNames);
	// The panel is created on first use, not at activation.
	let matrix: MatrixPanel | undefined;
	const getMatrix = () => {
		if (!matrix) {
			matrix = new MatrixPanel(context.extensionUri, store, timeCursor);
			context.subscriptions.push(matrix);
		}
		return matrix;
	};

	context.subscriptions.push(
		// Registered at activation (the `onWebviewPanel:` event activates the extension when a
		// reload restores the panel), so VS Code has someone to hand the restored panel to.
		vscode.window.registerWebviewPanelSerializer(matrixViewType, {
			deserializeWebviewPanel: async (panel, state: unknown) => getMatrix().restore(panel, parsePanelState(state)),
		}),
		store,
		regexGuard,
		new TrustNotice(restrictedSettingsOf(context.extension.packageJSON)),
		decorations,
		timeCursor,
		statusBar,
		liveMode,
		labels,
		corrections,
		conll,
		nameDecorations,
		vscode.languages.registerHoverProvider('*', new LabelHoverProvider(store, corrections, labels)),
		// Every scheme (files, untitled, notebook cells); the provider exits at once without an analysis.
		vscode.languages.registerHoverProvider('*', new TokenHoverProvider(store)),
		vscode.workspace.onDidChangeConfiguration((event) => {
			const keys = affectedSettings(event);
			if (keys.some((k) => analysisSettings.includes(k))) {
				void analyzer.reanalyzeAll(vscode.workspace.textDocuments, reportAnalysisError);
			} else if (keys.some((k) => decorationSettings.includes(k))) {
				decorations.renderAll();
				nameDecorations.renderAll();
			}
			if (keys.includes('liveModeEnabled')) {
				liveMode.set(readConfig().liveModeEnabled);
			}
		}),
		...registerCommands({ store, analyzer, liveMode, timeCursor, matrix: getMatrix }),
		...registerLabelCommands({ store, labels, corrections }),
		registerConllCommand({ conll, analyzer, store, labels }),
	);
	// Last, after the commands started reading the settings' vocabulary: the analyses of the
	// previous window come back (their ranges are in the workspace state, not their tokens).
	const memory = new AnalysisMemory(context.workspaceState, store);
	const restore = new AnalysisRestore(memory, store, analyzer, readConfig);
	context.subscriptions.push(memory, restore);
	void restore.start();
}

export function deactivate(): Promise<void> | undefined {
	return flushCorrections?.();
}
