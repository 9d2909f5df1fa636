/**
 * Canvas colours, read from the workbench's CSS variables (including the extension's contributed
 * `--vscode-sequenceLens-*` colours). The canvas cannot use var(), so it re-reads them whenever
 * the theme changes: VS Code swaps the body class and rewrites the <html> style on a switch.
 */

export interface CanvasTheme {
	background: string;
	foreground: string;
	grid: string;
	zeroLine: string;
	one: string;
	unknown: string;
	unknownBand: string;
	highlight: string;
	axisText: string;
	/** The "1" written on a filled cell. */
	oneText: string;
	/** The "0" of an empty cell. */
	zeroText: string;
	/** Hatching of the compact view's gaps. */
	gap: string;
	font: string;
}

function cssVar(style: CSSStyleDeclaration, name: string, fallback: string): string {
	const value = style.getPropertyValue(name).trim();
	return value || fallback;
}

export function readTheme(): CanvasTheme {
	const style = getComputedStyle(document.documentElement);
	const foreground = cssVar(style, '--vscode-editor-foreground', cssVar(style, '--vscode-foreground', 'CanvasText'));
	return {
		background: cssVar(style, '--vscode-editor-background', 'Canvas'),
		foreground,
		grid: cssVar(style, '--vscode-editorIndentGuide-background1', cssVar(style, '--vscode-panel-border', 'GrayText')),
		zeroLine: cssVar(style, '--vscode-editorWhitespace-foreground', 'GrayText'),
		one: cssVar(style, '--vscode-charts-blue', cssVar(style, '--vscode-textLink-foreground', foreground)),
		unknown: cssVar(style, '--vscode-sequenceLens-unknownTokenForeground', cssVar(style, '--vscode-errorForeground', foreground)),
		unknownBand: cssVar(style, '--vscode-sequenceLens-unknownTokenBackground', 'transparent'),
		highlight: cssVar(style, '--vscode-list-activeSelectionBackground', cssVar(style, '--vscode-focusBorder', 'Highlight')),
		axisText: cssVar(style, '--vscode-descriptionForeground', foreground),
		oneText: cssVar(style, '--vscode-editor-background', 'Canvas'),
		zeroText: cssVar(style, '--vscode-editorLineNumber-foreground', cssVar(style, '--vscode-descriptionForeground', 'GrayText')),
		gap: cssVar(style, '--vscode-editorWhitespace-foreground', 'GrayText'),
		font: `11px ${cssVar(style, '--vscode-font-family', 'sans-serif')}`,
	};
}

/** Calls `onChange` after every theme switch; returns a function that stops watching. */
export function watchTheme(onChange: () => void): () => void {
	const observer = new MutationObserver(() => onChange());
	observer.observe(document.body, { attributes: true, attributeFilter: ['class'] });
	observer.observe(document.documentElement, { attributes: true, attributeFilter: ['style', 'class'] });
	return () => observer.disconnect();
}
