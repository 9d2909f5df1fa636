import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { createTagger, type Tagger } from '../../src/core/ner/tagger';
import { alignEntities } from '../../src/core/ner/align';
import type { EntitySpan } from '../../src/core/ner/types';
import { tokenSpans } from '../../src/core/tokenize';
import { referenceSentence } from '../../src/core/reference';

const summary = (spans: readonly EntitySpan[]) => spans.map((s) => `${s.type}:${s.text}`);

describe('NER tagger (compromise + rules)', function () {
	// The first load of compromise takes hundreds of milliseconds on a slow machine.
	this.timeout(30000);
	let tagger: Tagger;
	before(async () => {
		tagger = await createTagger();
	});

	it('labels the reference sentence: y = 1 1 0 1 1 0 0 0 0 0 0 0, Baker Street and London as places', () => {
		const spans = tagger.tag(referenceSentence);
		const tokens = tokenSpans(referenceSentence);
		assert.equal(tokens.count, 12);
		const { tags, binary } = alignEntities(spans, tokens.starts, tokens.ends);
		assert.deepEqual([...binary], [1, 1, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0]);
		assert.deepEqual(tags, ['B-PER', 'I-PER', 'O', 'B-PER', 'I-PER', 'O', 'O', 'O', 'B-LOC', 'I-LOC', 'O', 'B-LOC']);
		assert.deepEqual(summary(spans), ['PER:Sherlock Holmes', 'PER:John Watson', 'LOC:Baker Street', 'LOC:London']);
	});

	it('gives offsets into the text, with source "tagger"', () => {
		const text = 'Last spring Dr. Amara Okafor moved from Lagos to Toronto.';
		const spans = tagger.tag(text);
		assert.ok(spans.length > 0);
		for (const span of spans) {
			assert.equal(text.slice(span.start, span.end), span.text);
			assert.equal(span.source, 'tagger');
		}
	});

	it('keeps titles out of the name but uses them as evidence', () => {
		const spans = tagger.tag('Yesterday Dr. Alice Morgan met President Obama and Mrs. Hudson in Chicago.');
		assert.deepEqual(summary(spans), ['PER:Alice Morgan', 'PER:Obama', 'PER:Hudson', 'LOC:Chicago']);
	});

	it('types organisations by their head words, also across "of"', () => {
		const spans = tagger.tag('She joined Northwind Traders Inc. last year and later worked for the Bank of Canada.');
		assert.deepEqual(summary(spans), ['ORG:Northwind Traders Inc', 'ORG:Bank of Canada']);
	});

	it('reads an unknown capitalised word inside a sentence as a name, but not a capitalised opener', () => {
		assert.deepEqual(summary(tagger.tag('The committee thanked Zorvath for the report.')), ['PER:Zorvath']);
		assert.deepEqual(summary(tagger.tag('Yesterday the weather was fine.')), []);
	});

	it('finds names the tagger does not know from the first-name list and the sentence position', () => {
		assert.deepEqual(summary(tagger.tag('On Monday we met Priya Raghunathan at the Royal Society.')), ['PER:Priya Raghunathan', 'ORG:Royal Society']);
		assert.deepEqual(summary(tagger.tag('Kwame Mensah has joined the board.')), ['PER:Kwame Mensah']);
	});

	it('types acronyms as organisations, but country abbreviations as places', () => {
		assert.deepEqual(summary(tagger.tag('Officials from NATO met U.S. diplomats.')), ['ORG:NATO', 'LOC:U.S.']);
	});

	it('ignores capitalisation in headlines and keeps what the lexicon knows', () => {
		assert.deepEqual(summary(tagger.tag('ELECTION RESULTS DUE IN FRANCE TODAY')), ['LOC:FRANCE']);
	});

	it('labels nationalities MISC and keeps them apart from the person they describe', () => {
		assert.deepEqual(summary(tagger.tag('The Brazilian striker scored twice.')), ['MISC:Brazilian']);
	});

	it('ends a name before the possessive, and alignment still marks the whole token', () => {
		const text = "We admired Holmes's violin.";
		const spans = tagger.tag(text);
		assert.deepEqual(summary(spans), ['PER:Holmes']);
		const tokens = tokenSpans(text);
		assert.deepEqual([...alignEntities(spans, tokens.starts, tokens.ends).binary], [0, 0, 1, 0]);
	});

	it('handles accented names with correct UTF-16 offsets', () => {
		const text = '👋 Yesterday José Álvarez visited Zürich with Søren Kierkegaard.';
		const spans = tagger.tag(text);
		assert.deepEqual(summary(spans), ['PER:José Álvarez', 'LOC:Zürich', 'PER:Søren Kierkegaard']);
		for (const span of spans) assert.equal(text.slice(span.start, span.end), span.text);
	});

	it('types a place that plays a fixture as a team (ORG), but keeps countries as places', () => {
		assert.deepEqual(summary(tagger.tag('On Saturday Leeds beat Derby 2-1.')), ['ORG:Leeds', 'ORG:Derby']);
		assert.deepEqual(summary(tagger.tag('In the final Brazil beat Germany 2-0.')), ['LOC:Brazil', 'LOC:Germany']);
	});

	it('keeps one type per name within a text: a bare mention follows its well-evidenced one', () => {
		const spans = tagger.tag('Vantorel Systems hired Ilse Brandvold. Later Vantorel moved to Oslo.');
		assert.deepEqual(summary(spans), ['ORG:Vantorel Systems', 'PER:Ilse Brandvold', 'ORG:Vantorel', 'LOC:Oslo']);
	});

	it('reads a capitalised place opening a news story as a dateline', () => {
		assert.deepEqual(summary(tagger.tag('OSLOVIK (AP) - Mayor Ingrid Halvorsen opened the bridge.')), ['LOC:OSLOVIK', 'ORG:AP', 'PER:Ingrid Halvorsen']);
	});

	it('does not take "to" as evidence of a place, nor a surname after an ordinary word as a person', () => {
		assert.deepEqual(summary(tagger.tag('Later the professor spoke to Dumbledore in the Great Hall.')), ['PER:Dumbledore']);
	});

	it('keeps a lone dictionary word that is also a surname only when the text names that person', () => {
		assert.deepEqual(summary(tagger.tag('The Battle of Hastings was fought in 1066.')), ['LOC:Hastings']);
		assert.deepEqual(summary(tagger.tag('Yesterday John Battle spoke. Later Battle left the room.')), ['PER:John Battle', 'PER:Battle']);
	});

	it('keeps a title word after a first name as a surname, and facility heads as places', () => {
		assert.deepEqual(summary(tagger.tag('Dr Martin Luther King Jr. spoke at the Lincoln Memorial.')), ['PER:Martin Luther King Jr', 'LOC:Lincoln Memorial']);
		assert.deepEqual(summary(tagger.tag('German Chancellor Helmut Kohl met Mark King.')), ['MISC:German', 'PER:Helmut Kohl', 'PER:Mark King']);
	});

	it('reads a place name given earlier as a surname as that person, except after "in"', () => {
		const spans = tagger.tag('Tennis star Kaleo Washington won easily. Afterwards Washington thanked the crowd in Washington.');
		assert.deepEqual(summary(spans), ['PER:Kaleo Washington', 'PER:Washington', 'LOC:Washington']);
	});

	it('labels nationality compounds MISC and drops names inside "-based" adjectives', () => {
		assert.deepEqual(summary(tagger.tag('New Arab-Israeli talks resumed in Cairo.')), ['MISC:Arab-Israeli', 'LOC:Cairo']);
		assert.deepEqual(summary(tagger.tag('The Hong Kong-based firm grew.')), []);
	});

	it('takes a bare unknown opener as a name when it speaks, or when the text names it elsewhere', () => {
		assert.deepEqual(summary(tagger.tag('Kovalenko said the talks would resume.')), ['PER:Kovalenko']);
		assert.deepEqual(summary(tagger.tag('Brandvoll arrived late.')), []);
		assert.deepEqual(summary(tagger.tag('Brandvoll arrived late. The judge questioned Brandvoll for an hour.')), ['PER:Brandvoll', 'PER:Brandvoll']);
	});

	it('splits a nationality off a person and a person off "of <company>"', () => {
		assert.deepEqual(summary(tagger.tag('The title went to American Dennis Okoro on Sunday.')), ['MISC:American', 'PER:Dennis Okoro']);
		assert.deepEqual(summary(tagger.tag('The bank is cheap, said John Casowitz of Harlan Brothers & Co.')), ['PER:John Casowitz', 'ORG:Harlan Brothers & Co']);
	});

	it('reads an unknown name after a verb of motion and "to" as a place', () => {
		assert.deepEqual(summary(tagger.tag('Then Elizabeth Bennet walked to Netherfield.')), ['PER:Elizabeth Bennet', 'LOC:Netherfield']);
	});

	it('reads a plural name after "the" as a group, but known plural places as places', () => {
		assert.deepEqual(summary(tagger.tag('The fans cheered as the Velmora Comets won again.')), ['ORG:Velmora Comets']);
		assert.deepEqual(summary(tagger.tag('We hiked in the Alps last year.')), ['LOC:Alps']);
		assert.deepEqual(summary(tagger.tag('They moved to St Louis in 1990.')), ['LOC:St Louis']);
	});

	it('reads a name that contains a place among other words as named after it (ORG)', () => {
		assert.deepEqual(summary(tagger.tag('Yesterday workers at Air France went on strike.')), ['ORG:Air France']);
	});

	it('returns nothing for text without letters', () => {
		assert.deepEqual(tagger.tag(''), []);
		assert.deepEqual(tagger.tag('12 34 -- 56'), []);
	});

	it('loads once: createTagger returns the same tagger', async () => {
		assert.equal(await createTagger(), tagger);
	});
});

describe('NER tagChunks', function () {
	this.timeout(30000);
	let tagger: Tagger;
	before(async () => {
		tagger = await createTagger();
	});

	const lines = [
		'Ada Lovelace wrote to Charles Babbage from London.',
		'Grace Hopper joined the Navy in 1943.',
		'The committee thanked Zorvath for the report.',
		'Marie Curie worked at the University of Paris.',
	];
	const text = Array.from({ length: 12 }, (_, i) => lines[i % lines.length]).join('\n');

	it('gives the same spans as tagging line by line, with offsets into the whole text', async () => {
		const expected: EntitySpan[] = [];
		let offset = 0;
		for (const line of text.split('\n')) {
			for (const span of tagger.tag(line)) expected.push({ ...span, start: span.start + offset, end: span.end + offset });
			offset += line.length + 1;
		}
		const spans = await tagger.tagChunks(text, { maxChars: 120 });
		assert.deepEqual(spans, expected);
		for (const span of spans) assert.equal(text.slice(span.start, span.end), span.text);
	});

	it('makes the whole text consistent, across pieces', async () => {
		const story = 'Brandvoll arrived late.\nThe judge questioned Brandvoll for an hour.';
		const spans = await tagger.tagChunks(story, { maxChars: 45 });
		assert.deepEqual(summary(spans), ['PER:Brandvoll', 'PER:Brandvoll']);
	});

	it('reports progress after each piece, ending at the text length', async () => {
		const done: number[] = [];
		await tagger.tagChunks(text, { maxChars: 120, onProgress: (p) => done.push(p.done) });
		assert.ok(done.length > 3, `only ${done.length} progress reports`);
		for (let i = 1; i < done.length; i++) assert.ok(done[i] > done[i - 1]);
		assert.equal(done[done.length - 1], text.length);
	});

	it('stops when the signal aborts, between pieces', async () => {
		const controller = new AbortController();
		let reports = 0;
		const run = tagger.tagChunks(text, {
			maxChars: 120,
			signal: controller.signal,
			onProgress: () => {
				reports++;
				if (reports === 2) controller.abort(new Error('cancelled by test'));
			},
		});
		await assert.rejects(run, /cancelled by test/);
		assert.equal(reports, 2);
	});
});

describe('NER loading', () => {
	it('does not load compromise when the core is imported, only when a tagger is created', () => {
		const core = path.resolve(__dirname, '../../src/core/index.js');
		const script = `
			const core = require(${JSON.stringify(core)});
			const loaded = () => Object.keys(require.cache).some((k) => k.includes('compromise'));
			const before = loaded();
			core.createTagger().then(() => console.log(JSON.stringify({ before, after: loaded() })));
		`;
		const result = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
		assert.equal(result.status, 0, result.stderr);
		assert.deepEqual(JSON.parse(result.stdout), { before: false, after: true });
	});
});
