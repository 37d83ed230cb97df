/**
 * A space and an activity as one reader sees them: every facilitator text in the reader's
 * language where a translation exists, else as written (see `domain/translations.ts`). `fallback`
 * names the language shown instead when at least one text had no translation, so the page can
 * say so; it is null when everything is in the reader's language (or nothing can be said).
 */
import type { PublicSpaceView } from './auth';
import { parseOptions, presetThemes, type ActivityFields, type Option } from './records/workshop';
import { parseTranslations, TextReader } from './translations';

export interface Localized<T> {
	value: T;
	/** The language texts were shown in instead of the reader's, or null. */
	fallback: string | null;
}

const done = <T>(value: T, reader: TextReader): Localized<T> => ({
	value,
	fallback: reader.fellBack ? reader.original : null
});

/** Preset themes are translated by the interface itself (their label is their id). */
const isPresetTheme = (option: Option) =>
	option.label === option.id && (presetThemes as readonly string[]).includes(option.id);

function localizeOptions(json: string, prefix: string, reader: TextReader): string {
	const options = parseOptions(json);
	if (!options) return json;
	const read = (option: Option) =>
		isPresetTheme(option)
			? option
			: { ...option, label: reader.text(`${prefix}.${option.id}`, option.label) };
	return JSON.stringify(options.map(read));
}

export function localizeSpace(view: PublicSpaceView, language: string): Localized<PublicSpaceView> {
	const reader = new TextReader(view.translations ?? {}, language, view.language ?? '');
	const map = view.map
		? {
				...view.map,
				categories: view.map.categories.map((category) => ({
					...category,
					label: reader.text(`category.${category.id}`, category.label)
				}))
			}
		: view.map;
	const value: PublicSpaceView = {
		...view,
		title: reader.text('title', view.title),
		purpose: reader.text('purpose', view.purpose),
		privacyNotice: reader.text('privacyNotice', view.privacyNotice),
		map
	};
	return done(value, reader);
}

/** `original` is the language of the activity's space (its texts are written in it). */
export function localizeActivity<F extends ActivityFields>(
	fields: F,
	language: string,
	original: string
): Localized<F> {
	const reader = new TextReader(parseTranslations(fields.translations), language, original);
	const value: F = {
		...fields,
		prompt: reader.text('prompt', fields.prompt),
		options: localizeOptions(fields.options, 'option', reader),
		categories: localizeOptions(fields.categories, 'category', reader)
	};
	return done(value, reader);
}
