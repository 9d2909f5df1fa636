/** Reads the external tagger settings (`sequenceLens.labels.externalCommand` / `…externalTimeoutMs`). */

import * as vscode from 'vscode';
import { configSection } from '../config';
import { boundedInteger } from '../settingValues';

export const externalTaggerSetting = {
	command: 'labels.externalCommand',
	timeout: 'labels.externalTimeoutMs',
} as const;

export const externalTimeoutBounds = { min: 100, max: 600000, default: 10000 } as const;

/** The configured program and arguments with its time limit, or undefined when none is set. */
export function readExternalTagger(scope?: vscode.ConfigurationScope): { command: string[]; timeoutMs: number } | undefined {
	const c = vscode.workspace.getConfiguration(configSection, scope);
	const raw = c.get<unknown>(externalTaggerSetting.command);
	const command = Array.isArray(raw) ? raw.filter((part): part is string => typeof part === 'string') : [];
	if (command.length === 0 || command[0].trim() === '') return undefined;
	const timeout = c.get<unknown>(externalTaggerSetting.timeout);
	const timeoutMs = boundedInteger(timeout, externalTimeoutBounds.min, externalTimeoutBounds.max, externalTimeoutBounds.default);
	return { command, timeoutMs };
}
