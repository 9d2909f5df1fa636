/** The matrix webview's HTML shell: a strict CSP, a fresh nonce, and only dist/ assets. */

import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';

export function createNonce(): string {
	return randomBytes(18).toString('base64');
}

export function matrixHtml(webview: vscode.Webview, extensionUri: vscode.Uri, title: string): string {
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
<script nonce="${nonce}" src="${script.toString()}"></script>
</body>
</html>`;
}
