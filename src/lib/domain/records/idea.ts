import * as v from 'valibot';

/** Categories offered for ideas; the Cities Mission themes. */
export const ideaCategories = [
	'mobility',
	'energy',
	'buildings',
	'food',
	'waste',
	'green-space',
	'other'
] as const;
export type IdeaCategory = (typeof ideaCategories)[number];

export const LanguageSchema = v.pipe(
	v.string('A language is a language code.'),
	v.regex(/^[a-z]{2,3}(-[A-Z]{2})?$/, 'A language is a code such as "en" or "pt-BR".')
);

/**
 * An idea: the one schema for its fields, used by the form, the store and the hub. Every
 * field is required at creation; a later edit sends only what changed (`IdeaPatchSchema`).
 */
export const IdeaFieldsSchema = v.strictObject({
	title: v.pipe(
		v.string('A title is text.'),
		v.trim(),
		v.nonEmpty('Give the idea a title.'),
		v.maxLength(140, 'A title has at most 140 characters.')
	),
	text: v.pipe(
		v.string('The description is text.'),
		v.trim(),
		v.maxLength(4000, 'A description has at most 4000 characters.')
	),
	category: v.picklist(ideaCategories, 'Pick one of the listed categories.'),
	language: LanguageSchema,
	authorName: v.pipe(
		v.string('A display name is text.'),
		v.trim(),
		v.maxLength(60, 'A display name has at most 60 characters.')
	),
	createdAt: v.pipe(
		v.number('The creation time is a number.'),
		v.integer('The creation time is whole milliseconds.'),
		v.minValue(0, 'The creation time cannot be negative.')
	)
});

export type IdeaFields = v.InferOutput<typeof IdeaFieldsSchema>;
export type IdeaInput = v.InferInput<typeof IdeaFieldsSchema>;

/** What a person edits in the form: everything but the creation time. */
export const IdeaFormSchema = v.omit(IdeaFieldsSchema, ['createdAt']);
export type IdeaForm = v.InferOutput<typeof IdeaFormSchema>;

export const IdeaPatchSchema = v.partial(IdeaFieldsSchema);
