import * as v from 'valibot';
import type { TranslationKey } from '$lib/i18n/index.svelte';
import { IdeaFormSchema } from '$lib/domain/records';

/** The fields a person types in the idea form; language and author name come from settings. */
export const IdeaInputSchema = v.pick(IdeaFormSchema, ['title', 'text', 'category']);
export type IdeaInputField = keyof v.InferOutput<typeof IdeaInputSchema>;
export type IdeaFormErrors = Partial<Record<IdeaInputField, TranslationKey>>;

/**
 * The schema's messages are English for developers; people see a translated message keyed by
 * field and issue type. Unknown combinations fall back to a generic "check this field".
 */
const messages: Record<string, TranslationKey> = {
	'title:non_empty': 'validation.titleRequired',
	'title:max_length': 'validation.titleTooLong',
	'text:max_length': 'validation.textTooLong',
	'category:picklist': 'validation.categoryInvalid',
	'authorName:max_length': 'validation.nameTooLong'
};

export function errorKey(field: string, issueType: string): TranslationKey {
	return messages[`${field}:${issueType}`] ?? 'validation.invalid';
}

/** Maps valibot issues to one translation key per field (the first issue wins). */
export function formErrors(issues: readonly v.BaseIssue<unknown>[]): IdeaFormErrors {
	const errors: IdeaFormErrors = {};
	for (const issue of issues) {
		const field = v.getDotPath(issue) as IdeaInputField | null;
		if (field && !errors[field]) errors[field] = errorKey(field, issue.type);
	}
	return errors;
}

export type IdeaInputResult =
	| { success: true; output: v.InferOutput<typeof IdeaInputSchema> }
	| { success: false; errors: IdeaFormErrors };

/** Validates what the person typed with the shared schema. */
export function validateIdeaInput(input: unknown): IdeaInputResult {
	const result = v.safeParse(IdeaInputSchema, input);
	return result.success
		? { success: true, output: result.output }
		: { success: false, errors: formErrors(result.issues) };
}
