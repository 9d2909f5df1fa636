/**
 * Reads what an external tagger prints (docs/ner.md, "External tagger"): entity spans as JSON,
 * checked against the text it was given. Any problem is an error that names the item.
 */

import { entityTypes, type EntitySpan, type EntityType } from './types';

export class ExternalOutputError extends Error {}

/** UTF-16 offsets for each code point boundary of `text` (index = code points before it). */
function codePointToUtf16(text: string): number[] {
	const map = [0];
	let units = 0;
	for (const ch of text) {
		units += ch.length;
		map.push(units);
	}
	return map;
}

/**
 * The spans in `output` for `text`. `output` is either a JSON list of `{ start, end, type }`
 * (UTF-16 code units, as JavaScript counts) or `{ "offsets": "utf16" | "codepoints", "spans": […] }`
 * (code points, as Python counts). Types are PER, LOC, ORG or MISC.
 */
export function parseExternalSpans(output: string, text: string): EntitySpan[] {
	let value: unknown;
	try {
		value = JSON.parse(output);
	} catch (error) {
		const shown = output.trim().slice(0, 80);
		throw new ExternalOutputError(`its output is not JSON (${error instanceof Error ? error.message : String(error)}): ${JSON.stringify(shown)}`);
	}
	let list: unknown = value;
	let codepoints = false;
	if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
		const record = value as Record<string, unknown>;
		if (record.offsets !== undefined && record.offsets !== 'utf16' && record.offsets !== 'codepoints') {
			throw new ExternalOutputError(`"offsets" must be "utf16" or "codepoints", not ${JSON.stringify(record.offsets)}`);
		}
		codepoints = record.offsets === 'codepoints';
		list = record.spans;
	}
	if (!Array.isArray(list)) {
		throw new ExternalOutputError('its output is neither a list of spans nor an object with a "spans" list');
	}
	const map = codepoints ? codePointToUtf16(text) : undefined;
	const limit = map ? map.length - 1 : text.length;
	return list.map((item: unknown, k) => {
		const where = `span ${k + 1}`;
		if (typeof item !== 'object' || item === null) throw new ExternalOutputError(`${where} is not an object`);
		const r = item as Record<string, unknown>;
		if (!Number.isSafeInteger(r.start) || !Number.isSafeInteger(r.end)) {
			throw new ExternalOutputError(`${where}: "start" and "end" must be whole numbers`);
		}
		const start = r.start as number;
		const end = r.end as number;
		if (start < 0 || end <= start || end > limit) {
			throw new ExternalOutputError(`${where}: ${start}…${end} is not a non-empty range inside the text (length ${limit})`);
		}
		if (typeof r.type !== 'string' || !(entityTypes as readonly string[]).includes(r.type)) {
			throw new ExternalOutputError(`${where}: type ${JSON.stringify(r.type)} is not one of ${entityTypes.join(', ')}`);
		}
		const from = map ? map[start] : start;
		const to = map ? map[end] : end;
		return { start: from, end: to, type: r.type as EntityType, text: text.slice(from, to), source: 'external' as const };
	});
}
