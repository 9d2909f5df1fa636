// The decoration-floor peer: what VS Code itself costs to run a palette command and draw a label
// after each token of the selection, with no analysis behind it. It decorates what Sequence
// Lens's first pass decorates (the selection's tokens on the visible lines, two lines either
// side) with one decoration type and a label per distinct word in each instance's render options,
// wrapped in bidi isolates as ours are, so the two figures differ by the extension's own work.
'use strict';
const vscode = require('vscode');

const aroundLines = 2;
const tokenPattern = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]/gu;

/** The selection's token ranges and texts on the visible lines ± aroundLines. */
function visibleTokens(editor) {
	const document = editor.document;
	const last = document.lineCount - 1;
	const tokens = [];
	for (const visible of editor.visibleRanges) {
		const from = Math.max(0, visible.start.line - aroundLines);
		const to = Math.min(last, visible.end.line + aroundLines);
		for (let line = from; line <= to; line++) {
			for (const m of document.lineAt(line).text.matchAll(tokenPattern)) {
				const range = new vscode.Range(line, m.index, line, m.index + m[0].length);
				if (editor.selections.some((s) => s.contains(range))) {
					tokens.push({ range, text: m[0].toLowerCase() });
				}
			}
		}
	}
	return tokens;
}

/** Registers the commands that draw and clear the labels; drawing returns how many it set. */
function register(context) {
	const type = vscode.window.createTextEditorDecorationType({
		after: { color: new vscode.ThemeColor('editorCodeLens.foreground'), margin: '0 0 0 0.25em' },
	});
	context.subscriptions.push(
		type,
		vscode.commands.registerCommand('sequenceLensBench.decorateSelection', () => {
			const editor = vscode.window.activeTextEditor;
			if (!editor) {
				return 0;
			}
			// A number per distinct word, as a vocabulary index would be.
			const numbers = new Map();
			const options = visibleTokens(editor).map(({ range, text }) => {
				if (!numbers.has(text)) {
					numbers.set(text, numbers.size + 1);
				}
				return { range, renderOptions: { after: { contentText: `\u2068${numbers.get(text)}\u2069` } } };
			});
			editor.setDecorations(type, options);
			return options.length;
		}),
		vscode.commands.registerCommand('sequenceLensBench.clearDecorations', () => {
			vscode.window.activeTextEditor?.setDecorations(type, []);
		}),
	);
}

module.exports = { register };
