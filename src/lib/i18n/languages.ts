/** The languages Plaza ships; `label` is the endonym so people find their own language. */
export const languages = [
	{ code: 'en', label: 'English', dir: 'ltr' },
	{ code: 'de', label: 'Deutsch', dir: 'ltr' },
	{ code: 'fr', label: 'Français', dir: 'ltr' }
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

/**
 * The language to start in: the one remembered on this device, else the first of the
 * browser's preferred languages we ship (matching `de-AT` to `de`), else English.
 */
export function detectLanguage(
	preferred: readonly string[],
	remembered: string | null
): LanguageCode {
	if (isLanguageCode(remembered)) return remembered;
	for (const tag of preferred) {
		const base = tag.toLowerCase().split('-')[0];
		if (isLanguageCode(base)) return base;
	}
	return defaultLanguage;
}
