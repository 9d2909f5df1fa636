// The empty-webview peer: a webview panel opened the way the matrix panel is (a palette command,
// createWebviewPanel beside the editor, scripts on, local resources only), with the same Content
// Security Policy and one small script file, and nothing else. Enter → its script's mark is the
// floor any webview pays on the machine; the matrix panel's open time is reported against it.
'use strict';
const crypto = require('node:crypto');
const vscode = require('vscode');

/** Registers the command that opens the empty webview. */
function register(context) {
	context.subscriptions.push(
		vscode.commands.registerCommand('sequenceLensBench.openEmptyWebview', () => {
			const media = vscode.Uri.joinPath(context.extensionUri, 'media');
			const panel = vscode.window.createWebviewPanel(
				'sequenceLensBench.empty',
				'Empty Webview',
				{ viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
				{ enableScripts: true, localResourceRoots: [media] },
			);
			const webview = panel.webview;
			const nonce = crypto.randomBytes(18).toString('base64');
			const csp = [
				"default-src 'none'",
				`style-src ${webview.cspSource}`,
				`font-src ${webview.cspSource}`,
				`img-src ${webview.cspSource} data:`,
				`script-src 'nonce-${nonce}'`,
			].join('; ');
			const script = webview.asWebviewUri(vscode.Uri.joinPath(media, 'peer.js'));
			webview.html = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<title>Empty Webview</title>
</head>
<body>
<div id="peer"></div>
<script nonce="${nonce}" src="${script.toString()}"></script>
</body>
</html>`;
		}),
	);
}

module.exports = { register };
