/**
 * The fast reading of large JSON vocabulary files: the token part of the file is scanned into
 * arrays (jsonTokenScan.ts) and only the small rest, if any, goes to JSON.parse. Each function
 * returns undefined when the file is outside what the scanners read; vocabularyFiles.ts then
 * parses the whole file, and that path gives every error message.
 */

import { scanTokenList, scanTokenObject, type ScannedPairs } from './jsonTokenScan';
import type { VocabularyFormat } from './vocabularyFiles';

/** A file read by the scanners: the token → index pairs or the token list, and the parsed rest. */
export interface ScannedFile {
	format: VocabularyFormat;
	/** The file parsed with the scanned part replaced by a stand-in (Keras and tokenizer.json). */
	json?: unknown;
	pairs?: ScannedPairs;
	list?: string[];
}

export function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The format a parsed JSON object is in, from its shape. */
export function jsonObjectFormat(json: unknown): VocabularyFormat {
	if (isObject(json)) {
		if (json.class_name === 'Tokenizer' || (isObject(json.config) && 'word_index' in json.config)) {
			return 'keras-tokenizer-json';
		}
		if (isObject(json.model) && 'vocab' in json.model) {
			return 'hf-tokenizer-json';
		}
	}
	return 'json-map';
}

/** Reads a file of a JSON format with the scanners, or returns undefined. `auto` judges the format as the full parse would. */
export function scanVocabularyFile(text: string, format: 'auto' | VocabularyFormat): ScannedFile | undefined {
	switch (format) {
		case 'json-map':
			return scanJsonMap(text);
		case 'json-list':
			return scanJsonList(text);
		case 'hf-tokenizer-json':
			return standInSafe(text) ? scanTokenizerJson(text) : undefined;
		case 'keras-tokenizer-json':
			return standInSafe(text) ? scanKerasJson(text) : undefined;
		case 'auto': {
			const first = text.charCodeAt(skipSpace(text));
			if (first === 0x5b) {
				return scanJsonList(text);
			}
			if (first !== 0x7b) {
				return undefined;
			}
			const found = scanJsonMap(text) ?? (standInSafe(text) ? (scanTokenizerJson(text) ?? scanKerasJson(text)) : undefined);
			return found && (found.json === undefined || jsonObjectFormat(found.json) === found.format) ? found : undefined;
		}
		default:
			return undefined;
	}
}

function skipSpace(text: string): number {
	let i = 0;
	for (let c = text.charCodeAt(0); c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09; c = text.charCodeAt(++i)) {
		// whitespace
	}
	return i;
}

function scanJsonMap(text: string): ScannedFile | undefined {
	const pairs = scanTokenObject(text, 0);
	return pairs && pairs.end === text.length ? { format: 'json-map', pairs } : undefined;
}

function scanJsonList(text: string): ScannedFile | undefined {
	const list = scanTokenList(text);
	return list ? { format: 'json-list', list } : undefined;
}

/**
 * Stands in for the scanned part while the rest of the file is parsed. It holds a NUL, which a
 * file can only spell as the escape \u0000; files with that escape are not scanned, so finding
 * the stand-in where the tokens belong proves the right part was cut out.
 */
const standIn = '\u0000sequence-lens-tokens';

/** True when no string of the file can hold a NUL, so none can equal the stand-in. */
function standInSafe(text: string): boolean {
	return !text.includes('\\u0000');
}

/** How many candidate places are tried before giving the file to JSON.parse. */
const maxAttempts = 4;

/** tokenizer.json: model.vocab scanned, the rest parsed around a stand-in object. */
function scanTokenizerJson(text: string): ScannedFile | undefined {
	const pattern = /"vocab"\s*:\s*\{/g;
	let attempts = 0;
	for (let match = pattern.exec(text); match && attempts < maxAttempts; match = pattern.exec(text)) {
		const open = match.index + match[0].length - 1;
		const pairs = scanTokenObject(text, open);
		if (!pairs) {
			continue;
		}
		attempts++;
		const json = parseOrUndefined(`${text.slice(0, open)}{${JSON.stringify(standIn)}: 0}${text.slice(pairs.end)}`);
		if (isObject(json) && isObject(json.model) && isObject(json.model.vocab) && Object.prototype.hasOwnProperty.call(json.model.vocab, standIn)) {
			return { format: 'hf-tokenizer-json', json, pairs };
		}
	}
	return undefined;
}

/** Keras Tokenizer.to_json(): config.word_index (a JSON string) scanned, the rest parsed around a stand-in string. */
function scanKerasJson(text: string): ScannedFile | undefined {
	const pattern = /"word_index"\s*:\s*"/g;
	let attempts = 0;
	for (let match = pattern.exec(text); match && attempts < maxAttempts; match = pattern.exec(text)) {
		const open = match.index + match[0].length - 1;
		const pairs = scanTokenObject(text, open, true);
		if (!pairs) {
			continue;
		}
		attempts++;
		const json = parseOrUndefined(`${text.slice(0, open)}${JSON.stringify(standIn)}${text.slice(pairs.end)}`);
		if (isObject(json) && isObject(json.config) && json.config.word_index === standIn) {
			return { format: 'keras-tokenizer-json', json, pairs };
		}
	}
	return undefined;
}

function parseOrUndefined(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		return undefined;
	}
}
