/** Entity types of the CoNLL-2003 scheme. */
export type EntityType = 'PER' | 'LOC' | 'ORG' | 'MISC';

export const entityTypes: readonly EntityType[] = ['PER', 'LOC', 'ORG', 'MISC'];

/** Where a label came from; the tagger only ever produces `tagger`. */
export type EntitySource = 'tagger' | 'manual' | 'file' | 'external';

/** A typed entity mention. Offsets are UTF-16 code units into the tagged text. */
export interface EntitySpan {
	start: number;
	end: number;
	type: EntityType;
	/** `text.slice(start, end)` of the tagged text. */
	text: string;
	source: EntitySource;
	/** For tagger spans: the rule that decided the type (`title`, `org-head`, `name-list`…), for hovers and debugging. */
	rule?: string;
}
