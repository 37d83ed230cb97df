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

const pluralSuffix = /_(zero|one|two|few|many|other)$/;

/**
 * The keys and English texts a language must have: en.json's, with every plural key (English
 * `_one`/`_other`) in exactly the plural categories of that language (Intl.PluralRules), each
 * modelled on the English `_other` form.
 */
function expectedKeys(code: string): Map<string, string> {
	const categories = new Intl.PluralRules(code).resolvedOptions().pluralCategories;
	const expected = new Map<string, string>();
	for (const [key, text] of en) {
		if (!pluralSuffix.test(key)) expected.set(key, text);
		else {
			const base = key.replace(pluralSuffix, '');
			for (const category of categories)
				expected.set(`${base}_${category}`, en.get(`${base}_other`) ?? text);
		}
	}
	return expected;
}

describe('locales', () => {
	it('ships a file for every language and no file without a language', () => {
		const files = readdirSync(localeDir).map((file) => file.replace(/\.json$/, ''));
		expect(files.sort()).toEqual(languages.map((language) => language.code).sort());
	});

	it('ships the 24 official EU languages, Norwegian, Ukrainian, Turkish and Arabic', () => {
		const eu = 'bg cs da de el en es et fi fr ga hr hu it lt lv mt nl pl pt ro sk sl sv';
		const codes = languages.map((language) => language.code);
		expect([...codes].sort()).toEqual([...eu.split(' '), 'nb', 'uk', 'tr', 'ar'].sort());
		expect(languages.filter((language) => language.dir === 'rtl').map((l) => l.code)).toEqual([
			'ar'
		]);
	});

	for (const { code } of languages.filter((language) => language.code !== 'en')) {
		describe(code, () => {
			const other = flatten(load(code));
			const expected = expectedKeys(code);

			it('has the keys of en.json, plurals in its own plural forms', () => {
				expect([...other.keys()].sort()).toEqual([...expected.keys()].sort());
			});

			it('uses the same interpolation variables as English', () => {
				for (const [key, text] of expected) {
					// A plural form may say its number as a word ("one", "two") instead of {{count}}.
					const mine = variables(other.get(key) ?? '');
					const wanted = variables(text);
					const sameButCount =
						pluralSuffix.test(key) &&
						mine.join() === wanted.filter((name) => name !== 'count').join();
					expect({ key, vars: sameButCount ? wanted : mine }).toEqual({ key, vars: wanted });
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
			.map((key) => key.replace(pluralSuffix, ''))
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
