import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { languages } from '$lib/i18n/languages';

type Tree = { [key: string]: string | Tree };

const root = path.resolve(import.meta.dirname, '../../..');
const localeDir = path.join(root, 'src/lib/i18n/locales');
const load = (code: string): Tree =>
	JSON.parse(readFileSync(path.join(localeDir, `${code}.json`), 'utf8')) as Tree;

function flatten(tree: Tree, prefix = ''): Map<string, string> {
	const out = new Map<string, string>();
	for (const [key, value] of Object.entries(tree)) {
		if (typeof value === 'string') out.set(prefix + key, value);
		else for (const [k, v] of flatten(value, `${prefix}${key}.`)) out.set(k, v);
	}
	return out;
}

const variables = (text: string) =>
	[...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();
const en = flatten(load('en'));

describe('locales', () => {
	it('ships a file for every language and no file without a language', () => {
		const files = readdirSync(localeDir).map((file) => file.replace(/\.json$/, ''));
		expect(files.sort()).toEqual(languages.map((language) => language.code).sort());
	});

	for (const { code } of languages.filter((language) => language.code !== 'en')) {
		describe(code, () => {
			const other = flatten(load(code));

			it('has exactly the keys of en.json', () => {
				expect([...other.keys()].sort()).toEqual([...en.keys()].sort());
			});

			it('uses the same interpolation variables as English', () => {
				for (const [key, text] of en) {
					expect({ key, vars: variables(other.get(key) ?? '') }).toEqual({
						key,
						vars: variables(text)
					});
				}
			});

			it('translates the texts (no empty strings)', () => {
				for (const [key, text] of other)
					expect({ key, empty: text.trim() === '' }).toEqual({ key, empty: false });
			});
		});
	}
});

/** Keys built at run time from a code or a value: `errors.<code>`, `categories.<value>`, … */
const dynamicPrefixes = ['errors.', 'categories.', 'syncState.', 'audit.actions.', 'catalogue.'];

// The hub never translates (its audit action names look like keys); locales are the keys.
const skippedDirs = new Set(['locales', 'server', 'api']);

function sourceFiles(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const file = path.join(dir, name);
		if (statSync(file).isDirectory()) return skippedDirs.has(name) ? [] : sourceFiles(file);
		return /\.(ts|svelte)$/.test(name) ? [file] : [];
	});
}

describe('en.json keys', () => {
	// Every quoted 'a.b' literal in the app's source: t('…') calls and key maps alike.
	const source = sourceFiles(path.join(root, 'src')).map((file) => readFileSync(file, 'utf8'));
	const literals = new Set(
		source.flatMap((text) =>
			[...text.matchAll(/['"`]([a-zA-Z]+\.[\w.-]+)['"`]/g)].map((m) => m[1] ?? '')
		)
	);

	it('are all used somewhere in src (plural forms by their base key)', () => {
		const unused = [...en.keys()]
			.map((key) => key.replace(/_(one|other)$/, ''))
			.filter((key) => !dynamicPrefixes.some((prefix) => key.startsWith(prefix)))
			.filter((key) => !literals.has(key));
		expect([...new Set(unused)]).toEqual([]);
	});

	it('include every literal key the source asks for', () => {
		const namespaces = new Set([...en.keys()].map((key) => key.split('.')[0]));
		const bases = new Set([...en.keys()].map((key) => key.replace(/_(one|other)$/, '')));
		const missing = [...literals].filter(
			(key) => namespaces.has(key.split('.')[0]) && !bases.has(key) && !key.endsWith('.')
		);
		expect(missing).toEqual([]);
	});
});
