/** The matrix webview's HTML shell: a strict CSP, a fresh nonce, and only dist/ assets. */

import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { embedJson } from '../../shared/embedJson';
import type { SummaryMessage } from '../../shared/protocol';

export function createNonce(): string {
	return randomBytes(18).toString('base64');
}

/**
 * `initial`, when given, is the first summary and row page, put into the page as a JSON data block
 * (not a script: the CSP runs only the nonce's script) so the first paint waits on no round trip.
 */
export function matrixHtml(webview: vscode.Webview, extensionUri: vscode.Uri, title: string, initial?: SummaryMessage): string {
	const nonce = createNonce();
	const dist = vscode.Uri.joinPath(extensionUri, 'dist');
	const script = webview.asWebviewUri(vscode.Uri.joinPath(dist, 'webview.js'));
	const style = webview.asWebviewUri(vscode.Uri.joinPath(dist, 'webview.css'));
	const csp = [
		"default-src 'none'",
		`style-src ${webview.cspSource}`,
		`font-src ${webview.cspSource}`,
		`img-src ${webview.cspSource} data:`,
		`script-src 'nonce-${nonce}'`,
	].join('; ');
	// `title` is a fixed, localised string, never document text.
	return `<!DOCTYPE html>
<html lang="${vscode.env.language}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${style.toString()}">
<title>${title}</title>
</head>
<body>
<div id="app" data-state="loading"></div>
${initial ? `<script type="application/json" id="initial-state">${embedJson(initial)}</script>\n` : ''}<script nonce="${nonce}" src="${script.toString()}"></script>
</body>
</html>`;
}
