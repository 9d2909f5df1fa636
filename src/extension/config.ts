/** Typed reader for the `sequenceLens.*` settings declared in package.json. */

import * as vscode from 'vscode';
import { isConventionId, type ConventionId } from '../core/conventions';
import type { UnicodeForm } from '../core/normalize';
import type { TokenizerKind } from '../core/tokenize';
import { boundedInteger, unknownTokenSetting } from './settingValues';

export const configSection = 'sequenceLens';

export type TokenizerSetting = TokenizerKind;
const tokenizerSettings: readonly TokenizerSetting[] = ['words', 'words+punctuation', 'whitespace', 'regex', 'segmenter'];

export type IndexFormat = '{index}' | '⟨{t}⟩ {index}' | '{t}:{index}' | 'off';
const indexFormats: readonly IndexFormat[] = ['{index}', '⟨{t}⟩ {index}', '{t}:{index}', 'off'];

const unicodeForms: readonly UnicodeForm[] = ['none', 'NFC', 'NFKC'];

/** Bounds of `liveMode.debounceMs`, as declared in package.json. */
export const debounceBounds = { min: 50, max: 5000 } as const;

export interface SequenceLensConfig {
	tokenizer: TokenizerSetting;
	/** The `regex` tokenizer's pattern (`tokenizerPattern`). */
	tokenizerPattern: string;
	keepApostrophes: boolean;
	keepHyphens: boolean;
	lowercase: boolean;
	normalization: UnicodeForm;
	stripAccents: boolean;
	/** The built-in vocabulary's unknown entry; empty keeps the convention's own. */
	unknownToken: string;
	indexFormat: IndexFormat;
	convention: ConventionId;
	showIndices: boolean;
	showUnknownMarker: boolean;
	underlineNames: boolean;
	liveModeEnabled: boolean;
	liveModeDebounceMs: number;
}

export const defaultConfig: Readonly<SequenceLensConfig> = Object.freeze({
	tokenizer: 'words',
	tokenizerPattern: '[\\p{L}\\p{N}]+',
	keepApostrophes: true,
	keepHyphens: true,
	lowercase: true,
	normalization: 'NFC',
	stripAccents: false,
	unknownToken: '',
	indexFormat: '{index}',
	convention: 'course',
	showIndices: true,
	showUnknownMarker: true,
	underlineNames: true,
	liveModeEnabled: false,
	liveModeDebounceMs: 250,
});

/** The setting key (after `sequenceLens.`) of each config field. */
export const settingKeys: Readonly<Record<keyof SequenceLensConfig, string>> = Object.freeze({
	tokenizer: 'tokenizer',
	tokenizerPattern: 'tokenizerPattern',
	keepApostrophes: 'keepApostrophes',
	keepHyphens: 'keepHyphens',
	lowercase: 'lowercase',
	normalization: 'normalization',
	stripAccents: 'stripAccents',
	unknownToken: 'unknownToken',
	indexFormat: 'indexFormat',
	convention: 'convention',
	showIndices: 'decorations.showIndices',
	showUnknownMarker: 'decorations.showUnknownMarker',
	underlineNames: 'decorations.underlineNames',
	liveModeEnabled: 'liveMode.enabled',
	liveModeDebounceMs: 'liveMode.debounceMs',
});

/** Settings that change what an analysis contains (as opposed to how it is drawn). */
export const analysisSettings: readonly (keyof SequenceLensConfig)[] = [
	'tokenizer',
	'tokenizerPattern',
	'keepApostrophes',
	'keepHyphens',
	'lowercase',
	'normalization',
	'stripAccents',
	'unknownToken',
	'convention',
];

/** Settings that only change how decorations are drawn. */
export const decorationSettings: readonly (keyof SequenceLensConfig)[] = ['indexFormat', 'showIndices', 'showUnknownMarker', 'underlineNames'];

function oneOf<T extends string>(value: unknown, allowed: readonly T[], fallback: T): T {
	return typeof value === 'string' && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
}

function flag(value: unknown, fallback: boolean): boolean {
	return typeof value === 'boolean' ? value : fallback;
}

/** Reads the settings for `scope`; a value of the wrong type falls back to its default. */
export function readConfig(scope?: vscode.ConfigurationScope): SequenceLensConfig {
	const c = vscode.workspace.getConfiguration(configSection, scope);
	const get = (key: keyof SequenceLensConfig) => c.get<unknown>(settingKeys[key]);
	const convention = get('convention');
	const pattern = get('tokenizerPattern');
	const d = defaultConfig;
	return {
		tokenizer: oneOf(get('tokenizer'), tokenizerSettings, d.tokenizer),
		tokenizerPattern: typeof pattern === 'string' ? pattern : d.tokenizerPattern,
		keepApostrophes: flag(get('keepApostrophes'), d.keepApostrophes),
		keepHyphens: flag(get('keepHyphens'), d.keepHyphens),
		lowercase: flag(get('lowercase'), d.lowercase),
		normalization: oneOf(get('normalization'), unicodeForms, d.normalization),
		stripAccents: flag(get('stripAccents'), d.stripAccents),
		unknownToken: unknownTokenSetting(get('unknownToken')),
		indexFormat: oneOf(get('indexFormat'), indexFormats, d.indexFormat),
		convention: isConventionId(convention) ? convention : d.convention,
		showIndices: flag(get('showIndices'), d.showIndices),
		showUnknownMarker: flag(get('showUnknownMarker'), d.showUnknownMarker),
		underlineNames: flag(get('underlineNames'), d.underlineNames),
		liveModeEnabled: flag(get('liveModeEnabled'), d.liveModeEnabled),
		liveModeDebounceMs: boundedInteger(get('liveModeDebounceMs'), debounceBounds.min, debounceBounds.max, d.liveModeDebounceMs),
	};
}

/** Which keys of the config an event touches. */
export function affectedSettings(event: vscode.ConfigurationChangeEvent): (keyof SequenceLensConfig)[] {
	return (Object.keys(settingKeys) as (keyof SequenceLensConfig)[]).filter((key) =>
		event.affectsConfiguration(`${configSection}.${settingKeys[key]}`),
	);
}
