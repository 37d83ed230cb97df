/**
 * The local action form (issue 6): texts in each of the space's languages with one marked as
 * the fallback, the figure and its source, and the level scale. Validated with the record's own
 * schema (`PledgeActionFieldsSchema`) and `levelScaleProblem`, the rules the store and the hub
 * apply. The fallback language must have every text, and its texts are stored first, so a
 * reader whose language is missing sees the fallback (see `pickText`).
 */
import * as v from 'valibot';
import { localTextJson } from '$lib/domain/pledge/local-action';
import {
	levelScaleProblem,
	parseLocalText,
	PledgeActionFieldsSchema,
	type PledgeActionFields
} from '$lib/domain/records/pledge';
import type { FieldErrors, Validated } from '$lib/ui/staff/forms';
import { formErrors } from './errors';
import { numberText, parseNumber } from './numbers';

export const textFields = ['title', 'commitment', 'description'] as const;
export type TextField = (typeof textFields)[number];

export interface ActionFormInput {
	theme: string;
	title: Record<string, string>;
	commitment: Record<string, string>;
	description: Record<string, string>;
	fallback: string;
	figure: string;
	source: string;
	unit: string;
	levelMin: string;
	levelMax: string;
	levelStep: string;
	levelReference: string;
	overlap: string;
}

export type ActionOutput = Omit<PledgeActionFields, 'createdAt'>;

const emptyTexts = (languages: readonly string[]) =>
	Object.fromEntries(languages.map((language) => [language, '']));

/** A new action: a whole-action scale (1 of 1), the first language as fallback. */
export function blankAction(languages: readonly string[]): ActionFormInput {
	return {
		theme: 'mobility',
		title: emptyTexts(languages),
		commitment: emptyTexts(languages),
		description: emptyTexts(languages),
		fallback: languages[0] ?? 'en',
		figure: '',
		source: '',
		unit: 'whole',
		levelMin: '1',
		levelMax: '1',
		levelStep: '1',
		levelReference: '1',
		overlap: ''
	};
}

/** The form for an existing action; languages it has beyond the space's are kept. */
export function actionInput(
	fields: PledgeActionFields,
	languages: readonly string[]
): ActionFormInput {
	const texts = (json: string) => ({ ...emptyTexts(languages), ...parseLocalText(json, Infinity) });
	const title = texts(fields.title);
	return {
		theme: fields.theme,
		title,
		commitment: texts(fields.commitment),
		description: texts(fields.description),
		fallback: Object.keys(parseLocalText(fields.title, Infinity) ?? {})[0] ?? languages[0] ?? 'en',
		figure: numberText(fields.figure),
		source: fields.source,
		unit: fields.unit,
		levelMin: numberText(fields.levelMin),
		levelMax: numberText(fields.levelMax),
		levelStep: numberText(fields.levelStep),
		levelReference: numberText(fields.levelReference),
		overlap: fields.overlap
	};
}

/** The languages a form shows: the space's, or the reader's when the space lists none. */
export function formLanguages(spaceLanguages: readonly string[], uiLanguage: string): string[] {
	return spaceLanguages.length > 0 ? [...spaceLanguages] : [uiLanguage];
}

/** The JSON text with the fallback language first. */
function textJson(texts: Record<string, string>, fallback: string): string {
	const { [fallback]: first = '', ...rest } = texts;
	return localTextJson({ [fallback]: first, ...rest });
}

/** Field errors of the fallback texts (keyed `title.<lang>` etc.), which must all be there. */
function fallbackErrors(input: ActionFormInput): FieldErrors {
	const errors: FieldErrors = {};
	for (const field of textFields)
		if ((input[field][input.fallback] ?? '').trim() === '')
			errors[`${field}.${input.fallback}`] = { key: 'pledgeAdmin.errors.fallbackText' };
	return errors;
}

/** Schema errors of a text field belong to the fallback language's input. */
function textErrorsToFallback(errors: FieldErrors, fallback: string): FieldErrors {
	const out: FieldErrors = {};
	for (const [field, error] of Object.entries(errors))
		out[(textFields as readonly string[]).includes(field) ? `${field}.${fallback}` : field] = error;
	return out;
}

/** The fields to store, or one translated error per input. */
export function validateAction(input: ActionFormInput): Validated<ActionOutput> {
	const candidate = {
		theme: input.theme,
		title: textJson(input.title, input.fallback),
		commitment: textJson(input.commitment, input.fallback),
		description: textJson(input.description, input.fallback),
		figure: parseNumber(input.figure),
		source: input.source,
		unit: input.unit,
		levelMin: parseNumber(input.levelMin),
		levelMax: parseNumber(input.levelMax),
		levelStep: parseNumber(input.levelStep),
		levelReference: parseNumber(input.levelReference),
		overlap: input.overlap,
		createdAt: 0
	};
	const result = v.safeParse(PledgeActionFieldsSchema, candidate);
	const errors: FieldErrors = {
		...(result.success ? {} : textErrorsToFallback(formErrors(result.issues), input.fallback)),
		...fallbackErrors(input)
	};
	if (result.success && levelScaleProblem(result.output))
		errors.levelMax = { key: 'pledgeAdmin.errors.scale' };
	if (!result.success || Object.keys(errors).length > 0) return { success: false, errors };
	// The store stamps the creation time; the form's placeholder 0 is not sent.
	const output: Partial<PledgeActionFields> = { ...result.output };
	delete output.createdAt;
	return { success: true, output: output as ActionOutput };
}
