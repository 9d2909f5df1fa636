import * as vscode from 'vscode';

/**
 * A command argument as a Uri: a Uri as is, a string with a scheme of two or more letters as a
 * URI, any other non-empty string (including "C:\…") as a file path.
 */
export function uriFromArgument(argument: unknown): vscode.Uri | undefined {
	if (argument instanceof vscode.Uri) {
		return argument;
	}
	if (typeof argument === 'string' && argument !== '') {
		return /^[a-z][a-z0-9+.-]+:/i.test(argument) ? vscode.Uri.parse(argument, true) : vscode.Uri.file(argument);
	}
	return undefined;
}
