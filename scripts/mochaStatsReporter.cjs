// Mocha's spec reporter plus one addition: when the run ends, it writes mocha's own stats as
// JSON to the file named by SEQUENCE_LENS_TEST_RESULTS, which scripts/test.mjs adds up into
// the closing summary. Used with `mocha --reporter ./scripts/mochaStatsReporter.cjs`.
'use strict';

const fs = require('node:fs');
const Mocha = require('mocha');

class StatsReporter extends Mocha.reporters.Spec {
	constructor(runner, options) {
		super(runner, options);
		runner.once(Mocha.Runner.constants.EVENT_RUN_END, () => {
			const target = process.env.SEQUENCE_LENS_TEST_RESULTS;
			if (target) {
				const { passes, failures, pending, tests, duration } = this.stats;
				fs.writeFileSync(target, JSON.stringify({ passes, failures, pending, tests, duration }));
			}
		});
	}
}

module.exports = StatsReporter;
