/**
 * Counted nouns for messages: "1 word" or "12 words". Each form is a localised string of its
 * own, so a translation words the singular and the plural as its language needs, and the
 * sentence around takes the phrase as a placeholder. Numbers are grouped as the locale groups them.
 */

import * as vscode from 'vscode';

export function wordCount(n: number): string {
	return n === 1 ? vscode.l10n.t('1 word') : vscode.l10n.t('{0} words', n.toLocaleString());
}

export function tokenCount(n: number): string {
	return n === 1 ? vscode.l10n.t('1 token') : vscode.l10n.t('{0} tokens', n.toLocaleString());
}

export function exampleCount(n: number): string {
	return n === 1 ? vscode.l10n.t('1 example') : vscode.l10n.t('{0} examples', n.toLocaleString());
}
