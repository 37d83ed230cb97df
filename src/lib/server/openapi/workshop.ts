/**
 * OpenAPI paths of workshops (issue 4): duplicating a workshop as a template, its exports (with
 * the language filter and summary of issue 7) and the live board's device counts.
 */
import { error, jsonBody, pathParam, ref, spaceId, strict } from './common';

const space = pathParam('space', spaceId);
const staffErrors = {
	401: error('unauthorised: log in first'),
	403: error('forbidden: only the staff of this space'),
	404: error('unknown-space')
};
const exported = (description: string) => ({
	description,
	content: { 'application/json': { schema: { type: 'object' } } }
});

const count = { type: 'integer', minimum: 0 };

/** `?language=<code>` of the space exports. */
export const languageQuery = {
	name: 'language',
	in: 'query',
	required: false,
	description:
		'Keep only contributions written in this language (notes; map ideas and comments). ' +
		'Records without a language (votes, supports, clusters, photos, answers) stay as they ' +
		'are; an invalid code is refused with 400 invalid-request',
	schema: { type: 'string', pattern: '^[a-z]{2,3}(-[A-Z]{2})?$' }
};

/** The `languages` summary of the JSON exports. */
export const languagesSummary = {
	type: 'array',
	description:
		'Per language, over the whole space whatever the filter, most contributions first: live ' +
		'contributions (notes, ideas, map ideas, comments) and distinct people who wrote them. ' +
		'Anonymous counts, not suppressed (staff-only export)',
	items: strict({
		language: { type: 'string', pattern: '^[a-z]{2,3}(-[A-Z]{2})?$' },
		contributions: { type: 'integer', minimum: 1 },
		people: { type: 'integer', minimum: 1 }
	})
};

export const badLanguage = error('invalid-request: `language` is not a language code');

export const workshopPaths = {
	'/api/v1/spaces/{space}/devices': {
		get: {
			summary:
				"The live board's device counts (staff): joined devices, those whose last report " +
				'(`Plaza-Pending` on a pull) said they hold unsent changes, and those not heard from ' +
				'for `silentAfterSeconds`',
			parameters: [space],
			responses: {
				200: jsonBody(
					strict({
						joined: count,
						waiting: count,
						pendingChanges: count,
						silent: count,
						silentAfterSeconds: count
					}),
					'Counts over the participants not revoked'
				),
				...staffErrors
			}
		}
	},
	'/api/v1/spaces/{space}/duplicate': {
		post: {
			summary: 'Copy a workshop with its activities (as drafts) into a new workshop (staff)',
			parameters: [space],
			requestBody: { required: true, ...jsonBody(ref('DuplicateSpace'), 'DuplicateSpace') },
			responses: {
				201: jsonBody(ref('SpaceAnswer'), 'The new workshop with its own join code'),
				400: error('Invalid input; nothing written'),
				...staffErrors,
				409: error('The id is taken')
			}
		}
	},
	'/api/v1/spaces/{space}/export.csv': {
		get: {
			summary:
				'One row per visible note: activity, activity_prompt, cluster, category, text, ' +
				'language, votes (dots on the note), cluster_votes (dots on its cluster), hidden, ' +
				'created_at, updated_at (staff; CC-BY-4.0; the data card is linked with ' +
				'rel="describedby"); with `language`, only the notes written in it',
			parameters: [space, languageQuery],
			responses: {
				200: {
					description: 'RFC 4180 CSV, UTF-8',
					content: { 'text/csv': { schema: { type: 'string' } } }
				},
				400: badLanguage,
				...staffErrors
			}
		}
	},
	'/api/v1/spaces/{space}/export.json': {
		get: {
			summary:
				'{ licence, dataCard: {what, where, when, how}, languages, activities, notes, clusters, ' +
				'photos, results } without hidden records or personal data (staff); a photo gives its ' +
				'sha256, caption, activity, createdAt and the url of its blob (null once deleted); ' +
				'with `language`, only the notes written in it (languages stays over the whole space)',
			parameters: [space, languageQuery],
			responses: {
				200: jsonBody(
					{
						type: 'object',
						required: ['licence', 'dataCard', 'languages', 'notes'],
						properties: { languages: languagesSummary }
					},
					'The workshop export'
				),
				400: badLanguage,
				...staffErrors
			}
		}
	},
	'/api/v1/spaces/{space}/export.datacard.json': {
		get: {
			summary:
				'{ licence, dataCard, columns, columnDescriptions, parameters, summaries }: what the ' +
				'CSV export is, its `language` parameter and the `languages` summary (staff); for a ' +
				'map space { licence, dataCard, properties, parameters, summaries }',
			parameters: [space],
			responses: { 200: exported('The data card'), ...staffErrors }
		}
	}
};
