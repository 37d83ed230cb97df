/**
 * Texts a facilitator writes in several languages (issue 7): a space's title, purpose and
 * privacy notice, a map's category names, an activity's prompt, choices and categories.
 *
 * The text itself stays where it always was (`title`, `prompt`, an option's `label`), written
 * in the space's language, which is also the fallback. Translations are one document beside it:
 * `{ "<language>": { "<text key>": "<text>" } }`, e.g. `{ "ar": { "prompt": "…", "option.bus":
 * "…" } }`. Records and spaces without the document (all data from before it existed) simply
 * have no translations, so nothing on devices or on the hub needs migrating.
 *
 * Guarantees: a reader sees their language where a non-blank translation exists, else the
 * original text, and `fallback` says so, so the UI can note it. Pure: no I/O.
 */
import * as v from 'valibot';
import { LanguageSchema } from './records/idea';

/** language → text key → text */
export type Translations = Record<string, Record<string, string>>;

/** The most languages a document holds: the 28 Plaza ships. */
const maxLanguages = 28;

/** Text keys of lists: `option.<id>`, `category.<id>`; ids as the option and category schemas allow. */
const listKey = /^(option|category)\.[^\s]{1,40}$/;

/** Limits per text key, the same as the original text's own. */
export interface TranslationLimits {
	readonly [key: string]: number;
}

export const spaceTextLimits = {
	title: 140,
	purpose: 2000,
	privacyNotice: 8000,
	category: 60
} as const satisfies TranslationLimits;

export const activityTextLimits = {
	prompt: 500,
	option: 200,
	category: 200
} as const satisfies TranslationLimits;

function limitOf(key: string, limits: TranslationLimits): number | undefined {
	if (key in limits && !key.includes('.')) return limits[key];
	const match = listKey.exec(key);
	return match ? limits[match[1]!] : undefined;
}

/** What is wrong with a translations document, or undefined when it is a good one. */
export function translationsProblem(value: unknown, limits: TranslationLimits): string | undefined {
	if (typeof value !== 'object' || value === null || Array.isArray(value))
		return 'Translations are {"<language>": {"<text>": "…"}}.';
	const entries = Object.entries(value);
	if (entries.length > maxLanguages) return `Translations hold at most ${maxLanguages} languages.`;
	for (const [language, texts] of entries) {
		if (!v.is(LanguageSchema, language)) return `"${language}" is not a language code.`;
		if (typeof texts !== 'object' || texts === null || Array.isArray(texts))
			return `The ${language} translations are {"<text>": "…"}.`;
		for (const [key, text] of Object.entries(texts)) {
			const limit = limitOf(key, limits);
			if (limit === undefined) return `"${key}" is not a text that can be translated.`;
			if (typeof text !== 'string') return `The ${language} "${key}" is text.`;
			if (text.length > limit) return `The ${language} "${key}" has at most ${limit} characters.`;
		}
	}
	return undefined;
}

/** A translations document (spaces keep it as JSON in the database). */
export const TranslationsSchema = (limits: TranslationLimits) =>
	v.pipe(
		v.record(v.string(), v.record(v.string(), v.string()), 'Translations are an object.'),
		v.rawCheck(({ dataset, addIssue }) => {
			const problem = dataset.typed ? translationsProblem(dataset.value, limits) : undefined;
			if (problem) addIssue({ message: problem });
		})
	);

/** The translations in a JSON text field; invalid or missing text reads as none. */
export function parseTranslations(json: string | undefined): Translations {
	if (!json) return {};
	try {
		const value: unknown = JSON.parse(json);
		return translationsProblem(value, { ...spaceTextLimits, ...activityTextLimits }) === undefined
			? (value as Translations)
			: {};
	} catch {
		return {};
	}
}

/** A translations document as JSON text (records keep scalars), without blank texts. */
export const TranslationsTextSchema = (limits: TranslationLimits) =>
	v.pipe(
		v.string('Translations are JSON text.'),
		v.rawCheck(({ dataset, addIssue }) => {
			if (!dataset.typed) return;
			let value: unknown;
			try {
				value = JSON.parse(dataset.value);
			} catch {
				addIssue({ message: 'Translations are JSON text.' });
				return;
			}
			const problem = translationsProblem(value, limits);
			if (problem) addIssue({ message: problem });
		})
	);

/** The document without blank texts or empty languages: what is stored. */
export function compactTranslations(translations: Translations): Translations {
	const out: Translations = {};
	for (const [language, texts] of Object.entries(translations)) {
		const kept = Object.entries(texts)
			.map(([key, text]) => [key, text.trim()] as const)
			.filter(([, text]) => text !== '');
		if (kept.length > 0) out[language] = Object.fromEntries(kept);
	}
	return out;
}

/**
 * Reads texts for one reader. `original` is the language the texts are written in ('' when
 * the space never said); `fellBack` becomes true once a text had no translation.
 */
export class TextReader {
	fellBack = false;

	constructor(
		private readonly translations: Translations,
		readonly reader: string,
		readonly original: string
	) {}

	text(key: string, original: string): string {
		if (original.trim() === '' || this.reader === this.original) return original;
		const translated = this.translations[this.reader]?.[key]?.trim();
		if (translated) return translated;
		// Without a known original language there is nothing to note.
		if (this.original !== '') this.fellBack = true;
		return original;
	}
}
