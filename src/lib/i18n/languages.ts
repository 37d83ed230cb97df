/**
 * The languages Plaza ships: the 24 official languages of the EU, Norwegian Bokmål (Norway takes
 * part in the Cities Mission), Ukrainian, Turkish and Arabic. `label` is the endonym so people
 * find their own language; the list is in the alphabetical order of the endonyms' Latin
 * transliteration, as EU sites list them.
 */
export const languages = [
	{ code: 'bg', label: 'Български', dir: 'ltr' },
	{ code: 'cs', label: 'Čeština', dir: 'ltr' },
	{ code: 'da', label: 'Dansk', dir: 'ltr' },
	{ code: 'de', label: 'Deutsch', dir: 'ltr' },
	{ code: 'et', label: 'Eesti', dir: 'ltr' },
	{ code: 'el', label: 'Ελληνικά', dir: 'ltr' },
	{ code: 'en', label: 'English', dir: 'ltr' },
	{ code: 'es', label: 'Español', dir: 'ltr' },
	{ code: 'fr', label: 'Français', dir: 'ltr' },
	{ code: 'ga', label: 'Gaeilge', dir: 'ltr' },
	{ code: 'hr', label: 'Hrvatski', dir: 'ltr' },
	{ code: 'it', label: 'Italiano', dir: 'ltr' },
	{ code: 'lv', label: 'Latviešu', dir: 'ltr' },
	{ code: 'lt', label: 'Lietuvių', dir: 'ltr' },
	{ code: 'hu', label: 'Magyar', dir: 'ltr' },
	{ code: 'mt', label: 'Malti', dir: 'ltr' },
	{ code: 'nl', label: 'Nederlands', dir: 'ltr' },
	{ code: 'nb', label: 'Norsk bokmål', dir: 'ltr' },
	{ code: 'pl', label: 'Polski', dir: 'ltr' },
	{ code: 'pt', label: 'Português', dir: 'ltr' },
	{ code: 'ro', label: 'Română', dir: 'ltr' },
	{ code: 'sk', label: 'Slovenčina', dir: 'ltr' },
	{ code: 'sl', label: 'Slovenščina', dir: 'ltr' },
	{ code: 'fi', label: 'Suomi', dir: 'ltr' },
	{ code: 'sv', label: 'Svenska', dir: 'ltr' },
	{ code: 'tr', label: 'Türkçe', dir: 'ltr' },
	{ code: 'uk', label: 'Українська', dir: 'ltr' },
	{ code: 'ar', label: 'العربية', dir: 'rtl' }
] as const;

export type LanguageCode = (typeof languages)[number]['code'];
export type TextDirection = 'ltr' | 'rtl';

export const defaultLanguage: LanguageCode = 'en';

export function isLanguageCode(value: unknown): value is LanguageCode {
	return languages.some((language) => language.code === value);
}

export function languageDir(code: LanguageCode): TextDirection {
	return languages.find((language) => language.code === code)?.dir ?? 'ltr';
}

/** Browser tags that mean a language Plaza ships under another code. */
const aliases: Readonly<Record<string, LanguageCode>> = { no: 'nb', nn: 'nb' };

/**
 * The language to start in: the one remembered on this device, else the first of the
 * browser's preferred languages we ship (matching `de-AT` to `de`, `no` to `nb`), else English.
 */
export function detectLanguage(
	preferred: readonly string[],
	remembered: string | null
): LanguageCode {
	if (isLanguageCode(remembered)) return remembered;
	for (const tag of preferred) {
		const base = tag.toLowerCase().split('-')[0] ?? '';
		const code = aliases[base] ?? base;
		if (isLanguageCode(code)) return code;
	}
	return defaultLanguage;
}
