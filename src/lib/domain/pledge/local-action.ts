/**
 * Local actions (issue 6): a facilitator's own actions for a space, with their own figure and
 * source and texts in the space's languages. Turns the synced record into what the pledge flow
 * and the totals need, and picks the text in the reader's language.
 */
import type { LevelScale } from './catalogue';
import type { ActionFacts } from './impact';
import {
	localActionPrefix,
	parseLocalText,
	pledgeLimits,
	type PledgeActionFields
} from '../records/pledge';

export interface PickedText {
	text: string;
	/** The language the text is in. */
	language: string;
	/** True when the reader's language was missing and another one is shown. */
	fallback: boolean;
}

/**
 * The text in `language` when there is one, else in the first of `fallbacks` that has one,
 * else in any language.
 */
export function pickText(
	json: string,
	language: string,
	fallbacks: readonly string[] = ['en']
): PickedText {
	const texts = parseLocalText(json, Number.MAX_SAFE_INTEGER) ?? {};
	const has = (code: string) => (texts[code] ?? '').trim() !== '';
	if (has(language)) return { text: texts[language]!, language, fallback: false };
	const other = [...fallbacks, ...Object.keys(texts)].find(has);
	return other
		? { text: texts[other]!, language: other, fallback: true }
		: { text: '', language, fallback: true };
}

/** The JSON text of a local text: empty languages are left out. */
export function localTextJson(texts: Record<string, string>): string {
	const kept = Object.entries(texts)
		.map(([language, text]) => [language, text.trim()] as const)
		.filter(([, text]) => text !== '');
	return JSON.stringify(Object.fromEntries(kept));
}

export function localActionRef(recordId: string): string {
	return `${localActionPrefix}${recordId.toLowerCase()}`;
}

export function localActionScale(fields: PledgeActionFields): LevelScale {
	return {
		unit: fields.unit,
		min: fields.levelMin,
		max: fields.levelMax,
		step: fields.levelStep,
		reference: fields.levelReference,
		initial: Math.min(fields.levelMax, Math.max(fields.levelMin, fields.levelReference))
	};
}

export function localActionFacts(fields: PledgeActionFields): ActionFacts {
	return {
		theme: fields.theme,
		figure: Math.min(fields.figure, pledgeLimits.figure),
		reference: fields.levelReference,
		overlap: fields.overlap
	};
}
