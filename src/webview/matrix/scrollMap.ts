/**
 * Own scroll mapping for tall analyses. Browsers cap an element's height (Chromium near 33.5
 * million px, Firefox near 17.9 million), so 22 px rows run out around a million tokens. Past
 * `maxScrollHeight` the scroll area keeps that height and a scroll position maps linearly onto
 * the whole row range, so the first and the last row stay reachable.
 */

/** Tallest scroll area used, well below every browser's limit. */
export const maxScrollHeight = 8_000_000;

/** Height of the scroll area for `count` rows. */
export function scrollHeight(count: number, rowHeight: number, max = maxScrollHeight): number {
	return Math.min(count * rowHeight, max);
}

/** The content position (px over all rows) shown at the top when scrolled to `scrollTop`. */
export function contentTop(scrollTop: number, viewportHeight: number, count: number, rowHeight: number, max = maxScrollHeight): number {
	const content = count * rowHeight;
	const height = scrollHeight(count, rowHeight, max);
	if (content <= height) {
		return scrollTop;
	}
	const range = height - viewportHeight;
	if (range <= 0) {
		return 0;
	}
	const fraction = Math.min(1, Math.max(0, scrollTop / range));
	return fraction * (content - viewportHeight);
}

/** The scrollTop that shows content position `top` at the top: the inverse of contentTop. */
export function scrollTopFor(top: number, viewportHeight: number, count: number, rowHeight: number, max = maxScrollHeight): number {
	const content = count * rowHeight;
	const height = scrollHeight(count, rowHeight, max);
	if (content <= height) {
		return top;
	}
	const span = content - viewportHeight;
	return span <= 0 ? 0 : (Math.min(Math.max(0, top), span) / span) * (height - viewportHeight);
}
