/**
 * The translations editor's pure logic: which languages it offers, and changing one text of
 * the document without touching the others.
 */
import { compactTranslations, type Translations } from '$lib/domain/translations';
import { languages } from '$lib/i18n/languages';

/** One text the editor offers for translation, with its original. */
export interface TranslatableText {
	key: string;
	label: string;
	original: string;
	max: number;
	multiline?: boolean;
}

const order = (code: string) => languages.findIndex((language) => language.code === code);

/**
 * The languages to translate into: the ones the space offers, the ones already translated and
 * the ones just added, never the original, in the language switch's order.
 */
export function translationTargets(
	original: string,
	offered: readonly string[],
	translations: Translations,
	added: readonly string[]
): string[] {
	const all = new Set([...offered, ...Object.keys(translations), ...added]);
	all.delete(original);
	return [...all].filter((code) => order(code) >= 0).sort((a, b) => order(a) - order(b));
}

/** The languages that can still be added. */
export function addableLanguages(original: string, targets: readonly string[]): string[] {
	return languages
		.map((language) => language.code as string)
		.filter((code) => code !== original && !targets.includes(code));
}

export function withText(
	translations: Translations,
	language: string,
	key: string,
	text: string
): Translations {
	return { ...translations, [language]: { ...translations[language], [key]: text } };
}

export function withoutLanguage(translations: Translations, language: string): Translations {
	return Object.fromEntries(Object.entries(translations).filter(([code]) => code !== language));
}

/** What is stored: only the texts still offered (a removed choice takes its translations along), none blank. */
export function storedTranslations(
	translations: Translations,
	texts: readonly TranslatableText[]
): Translations {
	const keys = new Set(texts.map((text) => text.key));
	const kept = Object.entries(translations).map(
		([language, byKey]) =>
			[
				language,
				Object.fromEntries(Object.entries(byKey).filter(([key]) => keys.has(key)))
			] as const
	);
	return compactTranslations(Object.fromEntries(kept));
}
