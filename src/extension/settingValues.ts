/** Pure checks of setting values (no `vscode`), shared by the config reader and unit tests. */

/** A whole number within [min, max]; anything else (a string, NaN) falls back. */
export function boundedInteger(value: unknown, min: number, max: number, fallback: number): number {
	if (typeof value !== 'number' || !Number.isFinite(value)) {
		return fallback;
	}
	return Math.min(max, Math.max(min, Math.round(value)));
}

/**
 * The unknown-token override as the vocabulary will hold it: trimmed, and empty (the
 * convention's own) when it is not a single short token.
 */
export function unknownTokenSetting(value: unknown): string {
	if (typeof value !== 'string') {
		return '';
	}
	const token = value.trim();
	return token.length <= 50 && !/\s/.test(token) ? token : '';
}
