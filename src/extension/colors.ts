/** The colour ids contributed in package.json (`contributes.colors`); checked with `satisfies`. */
export type ColorId =
	| 'sequenceLens.indexBackground'
	| 'sequenceLens.indexForeground'
	| 'sequenceLens.unknownTokenBackground'
	| 'sequenceLens.unknownTokenBorder'
	| 'sequenceLens.unknownTokenForeground'
	| 'sequenceLens.nameTokenForeground';
