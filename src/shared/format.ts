/** Text formatting shared by the editor decorations, the status bar and the matrix panel. */

/** Unicode first-strong isolate … pop directional isolate: keeps after-text readable beside RTL tokens. */
export const isolate = (text: string): string => `\u2068${text}\u2069`;

/**
 * The text after a token for an `indexFormat` setting (`{index}`, `⟨{t}⟩ {index}`, `{t}:{index}`),
 * with the unknown token's marker appended for <UNK> hits; empty for `off`.
 */
export function formatIndexLabel(format: string, t: number, index: number, unknown: boolean, unkToken: string): string {
	if (format === 'off') {
		return '';
	}
	const text = format.replace('{t}', String(t)).replace('{index}', String(index));
	return unknown ? `${text} ${unkToken}` : text;
}

/** UNK rate as a percentage with one decimal, or undefined when T_x = 0. */
export function unknownRate(unknownCount: number, tokenCount: number): string | undefined {
	return tokenCount === 0 ? undefined : `${((unknownCount / tokenCount) * 100).toFixed(1)}%`;
}

/** `T_x 12 · <UNK> 1 (8.3%)`, prefixed by `m 2 ·` for several examples. */
export function statusText(tokenCounts: readonly number[], unknownCount: number): string {
	const total = tokenCounts.reduce((a, b) => a + b, 0);
	const rate = unknownRate(unknownCount, total);
	const head = tokenCounts.length > 1 ? `m ${tokenCounts.length} · ` : '';
	return `${head}T_x ${total} · <UNK> ${unknownCount}${rate ? ` (${rate})` : ''}`;
}
