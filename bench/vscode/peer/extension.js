// Peers for scripts/bench-vscode.mjs: each measures what VS Code itself costs for something the
// extension does, so the benchmark can report our figure beside that floor, in the same run.
// One extension holds them all because the web workbench loads a single development extension
// beside the installed .vsix.
'use strict';
const emptyWebview = require('./emptyWebview.js');
const decorationFloor = require('./decorationFloor.js');

function activate(context) {
	emptyWebview.register(context);
	decorationFloor.register(context);
}

module.exports = { activate };
