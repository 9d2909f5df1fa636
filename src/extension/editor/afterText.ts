/** The text drawn after a token, from the decoration settings. Pure, so unit tests reach it. */

import { formatIndexLabel } from '../../shared/format';

export interface AfterTextSettings {
	/** `indexFormat`; `off` draws no text at all. */
	format: string;
	/** `decorations.showIndices`: false keeps only the unknown marker. */
	showIndices: boolean;
	/** `decorations.showUnknownMarker`: false drops the marker after <UNK> tokens. */
	showUnknownMarker: boolean;
}

export function afterText(settings: AfterTextSettings, t: number, index: number, unknown: boolean, unkToken: string): string {
	if (settings.format === 'off') {
		return '';
	}
	const marker = unknown && settings.showUnknownMarker;
	if (settings.showIndices) {
		return formatIndexLabel(settings.format, t, index, marker, unkToken);
	}
	return marker ? unkToken : '';
}
