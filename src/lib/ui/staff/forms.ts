/**
 * Staff forms validate with the hub's own request schemas (domain/auth.ts), so a form never
 * sends what the hub would refuse. The schemas' messages are English for developers; people
 * see a translated message chosen by the kind of issue.
 */
import * as v from 'valibot';
import {
	AcceptInviteSchema,
	CreateOrganisationSchema,
	CreateSpaceSchema,
	InviteRequestSchema,
	LoginRequestSchema,
	SetupRequestSchema,
	SpaceSettingsSchema
} from '$lib/domain/auth';
import type { TranslationKey, TranslationOptions } from '$lib/i18n/index.svelte';
import type { Translations } from '$lib/domain/translations';

export interface FieldError {
	key: TranslationKey;
	options?: TranslationOptions;
}

export type FieldErrors = Record<string, FieldError>;

export type Validated<T> = { success: true; output: T } | { success: false; errors: FieldErrors };

function issueError(issue: v.BaseIssue<unknown>): FieldError {
	const requirement = (issue as { requirement?: unknown }).requirement;
	const count = typeof requirement === 'number' ? requirement : 0;
	switch (issue.type) {
		case 'non_empty':
			return { key: 'staff.validation.required' };
		case 'min_length':
			return { key: 'staff.validation.tooShort', options: { count } };
		case 'max_length':
			return { key: 'staff.validation.tooLong', options: { count } };
		case 'email':
			return { key: 'staff.validation.email' };
		case 'regex':
			return { key: 'staff.validation.spaceId' };
		case 'iso_date':
			return { key: 'staff.validation.date' };
		case 'picklist':
			return { key: 'staff.validation.choose' };
		default:
			return { key: 'staff.validation.invalid' };
	}
}

/** Maps valibot issues to one error per field (the first issue of a field wins). */
export function fieldErrors(issues: readonly v.BaseIssue<unknown>[]): FieldErrors {
	const errors: FieldErrors = {};
	for (const issue of issues) {
		const field = v.getDotPath(issue) ?? 'form';
		errors[field] ??= issueError(issue);
	}
	return errors;
}

/** Validates `input` with a shared schema: the output, or one translated error per field. */
export function validate<S extends v.GenericSchema>(
	schema: S,
	input: unknown
): Validated<v.InferOutput<S>> {
	const result = v.safeParse(schema, input);
	return result.success
		? { success: true, output: result.output }
		: { success: false, errors: fieldErrors(result.issues) };
}

export const validateSetup = (input: unknown) => validate(SetupRequestSchema, input);
export const validateInvite = (input: unknown) => validate(InviteRequestSchema, input);
export const validateAccept = (input: unknown) => validate(AcceptInviteSchema, input);

const requiredIssue = { type: 'non_empty' } as v.BaseIssue<unknown>;

/** Login asks only for a well-formed email and some password: the hub judges the rest. */
export function validateLogin(input: { email: string; password: string }) {
	const result = validate(LoginRequestSchema, input);
	if (input.password !== '') return result;
	const errors = result.success ? {} : result.errors;
	return { success: false as const, errors: { ...errors, password: issueError(requiredIssue) } };
}

/** What the "New space" form holds: text inputs, a date input ('' = none) and a checkbox. */
export interface SpaceFormInput {
	id: string;
	title: string;
	purpose: string;
	privacyNotice: string;
	erasePolicy: string;
	retentionUntil: string;
	published: boolean;
	/** A workshop's day ('' = none), place and offered languages. */
	date: string;
	place: string;
	languages: string[];
}

const orNull = (date: string) => (date.trim() === '' ? null : date);

/**
 * `map`: a map space's settings (the form makes them from the typed centre), else undefined;
 * `pledge`: a pledge campaign's goal and themes, else undefined.
 */
export function validateNewSpace(
	input: SpaceFormInput & { kind: string; map?: unknown; pledge?: unknown }
) {
	return validate(CreateSpaceSchema, {
		...input,
		id: input.id.trim(),
		retentionUntil: orNull(input.retentionUntil),
		date: orNull(input.date)
	});
}

/** A new organisation: its name and the email its first admin is invited at. */
export const validateOrganisation = (input: { name: string; adminEmail: string }) =>
	validate(CreateOrganisationSchema, input);

/**
 * What the space's settings form changes. The id and the erase policy stay as created: the
 * policy is part of what participants agreed to when they joined.
 */
const SpaceEditSchema = v.pick(SpaceSettingsSchema, [
	'title',
	'purpose',
	'privacyNotice',
	'retentionUntil',
	'published',
	'date',
	'place',
	'languages',
	'language',
	'translations'
]);

export type SpaceEditInput = Omit<SpaceFormInput, 'id' | 'erasePolicy'> & {
	/** The language the texts are written in ('' = not said) and their translations. */
	language: string;
	translations: Translations;
};

export function validateSpaceEdit(input: SpaceEditInput) {
	return validate(SpaceEditSchema, {
		...input,
		retentionUntil: orNull(input.retentionUntil),
		date: orNull(input.date)
	});
}
