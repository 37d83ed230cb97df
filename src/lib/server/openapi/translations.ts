/** OpenAPI schema of a translations document (issue 7, `domain/translations.ts`). */
export const translations = {
	type: 'object',
	maxProperties: 28,
	description:
		'Texts in other languages: { "<language>": { "<text key>": "<text>" } }. Keys of a space: ' +
		'title, purpose, privacyNotice, category.<map category id>; of an activity (its ' +
		'`translations` field, as JSON text): prompt, option.<id>, category.<id>. Each text has ' +
		"the original's length limit; blank texts are dropped. A reader sees their language where " +
		'a text exists, else the original, with a note.',
	additionalProperties: {
		type: 'object',
		additionalProperties: { type: 'string' }
	}
};
