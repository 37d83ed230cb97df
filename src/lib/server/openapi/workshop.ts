/**
 * OpenAPI paths of workshops (issue 4): duplicating a workshop as a template, its exports and
 * the live board's device counts.
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
				'rel="describedby")',
			parameters: [space],
			responses: {
				200: {
					description: 'RFC 4180 CSV, UTF-8',
					content: { 'text/csv': { schema: { type: 'string' } } }
				},
				...staffErrors
			}
		}
	},
	'/api/v1/spaces/{space}/export.json': {
		get: {
			summary:
				'{ licence, dataCard: {what, where, when, how}, activities, notes, clusters, photos, ' +
				'results } without hidden records or personal data (staff); a photo gives its sha256, ' +
				'caption, activity, createdAt and the url of its blob (null once deleted)',
			parameters: [space],
			responses: { 200: exported('The workshop export'), ...staffErrors }
		}
	},
	'/api/v1/spaces/{space}/export.datacard.json': {
		get: {
			summary: '{ licence, dataCard, columns, columnDescriptions }: what the CSV export is (staff)',
			parameters: [space],
			responses: { 200: exported('The data card'), ...staffErrors }
		}
	}
};
