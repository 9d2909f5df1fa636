/** Typed reader for the `sequenceLens.*` settings declared in package.json. */

import * as vscode from 'vscode';
import { isConventionId, type ConventionId } from '../core/conventions';
import type { TokenizerKind } from '../core/tokenize';

export const configSection = 'sequenceLens';

/** The tokenizers offered as a setting (the regex tokenizer needs a pattern setting first). */
export type TokenizerSetting = Extract<TokenizerKind, 'words' | 'words+punctuation' | 'whitespace' | 'segmenter'>;
const tokenizerSettings: readonly TokenizerSetting[] = ['words', 'words+punctuation', 'whitespace', 'segmenter'];

export type IndexFormat = '{index}' | '⟨{t}⟩ {index}' | '{t}:{index}' | 'off';
const indexFormats: readonly IndexFormat[] = ['{index}', '⟨{t}⟩ {index}', '{t}:{index}', 'off'];

export interface SequenceLensConfig {
	tokenizer: TokenizerSetting;
	lowercase: boolean;
	indexFormat: IndexFormat;
	convention: ConventionId;
}

export const defaultConfig: Readonly<SequenceLensConfig> = Object.freeze({
	tokenizer: 'words',
	lowercase: true,
	indexFormat: '{index}',
	convention: 'course',
});

/** Settings that change what an analysis contains (as opposed to how it is drawn). */
export const analysisSettings: readonly (keyof SequenceLensConfig)[] = ['tokenizer', 'lowercase', 'convention'];

function oneOf<T extends string>(value: unknown, allowed: readonly T[], fallback: T): T {
	return typeof value === 'string' && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
}

/** Reads the settings for `scope`; a value of the wrong type falls back to its default. */
export function readConfig(scope?: vscode.ConfigurationScope): SequenceLensConfig {
	const c = vscode.workspace.getConfiguration(configSection, scope);
	const lowercase = c.get<unknown>('lowercase');
	const convention = c.get<unknown>('convention');
	return {
		tokenizer: oneOf(c.get<unknown>('tokenizer'), tokenizerSettings, defaultConfig.tokenizer),
		lowercase: typeof lowercase === 'boolean' ? lowercase : defaultConfig.lowercase,
		indexFormat: oneOf(c.get<unknown>('indexFormat'), indexFormats, defaultConfig.indexFormat),
		convention: isConventionId(convention) ? convention : defaultConfig.convention,
	};
}

/** Which keys of the config an event touches. */
export function affectedSettings(event: vscode.ConfigurationChangeEvent): (keyof SequenceLensConfig)[] {
	return (Object.keys(defaultConfig) as (keyof SequenceLensConfig)[]).filter((key) =>
		event.affectsConfiguration(`${configSection}.${key}`),
	);
}
