import * as v from 'valibot';

/**
 * A space is where records live: a workshop, a map or a pledge campaign. Its id is a short
 * slug people can read in a link (`/s/tenants-nord`).
 */
export const SpaceIdSchema = v.pipe(
	v.string('A space id is text.'),
	v.regex(
		/^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/,
		'A space id uses 1–64 lowercase letters, digits and dashes, and starts and ends with a letter or digit.'
	)
);

export type SpaceId = v.InferOutput<typeof SpaceIdSchema>;

/** Turns what a person typed into a space id, or '' when nothing usable is left. */
export function toSpaceId(input: string): string {
	return input
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 64)
		.replace(/-+$/g, '');
}
