/**
 * Languages a workshop can offer: the EU's 24 official languages and three often spoken in
 * its cities. Names come from `Intl.DisplayNames`, so they need no translation files.
 */
export const workshopLanguages = [
	'bg',
	'cs',
	'da',
	'de',
	'el',
	'en',
	'es',
	'et',
	'fi',
	'fr',
	'ga',
	'hr',
	'hu',
	'it',
	'lt',
	'lv',
	'mt',
	'nl',
	'pl',
	'pt',
	'ro',
	'sk',
	'sl',
	'sv',
	'ar',
	'tr',
	'uk'
] as const;

/** A language's name in `inLanguage`; the code itself when the runtime does not know it. */
export function languageName(code: string, inLanguage: string): string {
	try {
		return new Intl.DisplayNames([inLanguage], { type: 'language' }).of(code) ?? code;
	} catch {
		return code;
	}
}
