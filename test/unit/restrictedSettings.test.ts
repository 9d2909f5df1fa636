// Workspace trust: every setting that can make Sequence Lens read a file, run a program or run a
// user pattern must be in capabilities.untrustedWorkspaces.restrictedConfigurations, or a folder
// could make it do so just by being opened. A free-form setting (a string without an enum, an
// array, an object) is where such a value can hide, so each one is either restricted or listed
// below with the reason it is harmless.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { findRepoRoot } from '../support/repoRoot';

interface Property {
	type?: string | string[];
	enum?: unknown[];
	scope?: string;
}

interface Manifest {
	capabilities: { untrustedWorkspaces: { supported: string; restrictedConfigurations: string[] } };
	contributes: { configuration: { properties: Record<string, Property> } | { properties: Record<string, Property> }[] };
}

/** Free-form settings that name no file, program or pattern, and why. */
const harmless: Record<string, string> = {
	'sequenceLens.unknownToken': 'a token string compared for equality, never compiled or opened',
};

/** The settings that read a file, run a program or compile a user regex. */
const mustBeRestricted = ['sequenceLens.vocabularyPath', 'sequenceLens.labels.externalCommand', 'sequenceLens.tokenizerPattern'];

describe('restricted settings in untrusted workspaces', () => {
	const manifest = JSON.parse(fs.readFileSync(path.join(findRepoRoot(__dirname), 'package.json'), 'utf8')) as Manifest;
	const properties = Object.assign({}, ...[manifest.contributes.configuration].flat().map((c) => c.properties)) as Record<string, Property>;
	const restricted = manifest.capabilities.untrustedWorkspaces.restrictedConfigurations;

	it('supports untrusted workspaces in limited mode', () => {
		assert.equal(manifest.capabilities.untrustedWorkspaces.supported, 'limited');
	});

	it('restricts the settings that read a file, run a program or take a pattern', () => {
		for (const key of mustBeRestricted) {
			assert.ok(restricted.includes(key), `${key} is restricted`);
		}
	});

	it('restricts only settings that exist', () => {
		for (const key of restricted) {
			assert.ok(properties[key], `${key} is a contributed setting`);
		}
	});

	it('restricts every free-form setting, or says why it is harmless', () => {
		const freeForm = Object.entries(properties)
			.filter(([, p]) => {
				const types = [p.type ?? []].flat();
				return !p.enum && types.some((t) => t === 'string' || t === 'array' || t === 'object');
			})
			.map(([key]) => key);
		assert.ok(freeForm.length > 0);
		for (const key of freeForm) {
			assert.ok(restricted.includes(key) || key in harmless, `${key} takes free-form values: restrict it in package.json or explain it in this test`);
		}
		for (const key of Object.keys(harmless)) {
			assert.ok(freeForm.includes(key) && !restricted.includes(key), `${key} is still a free-form, unrestricted setting`);
		}
	});
});
