/**
 * OpenAPI paths of blobs (issue 4, facilitator capture): photo bytes named by their SHA-256.
 */
import { error, jsonBody, pathParam, spaceId, strict } from './common';

const sha256 = pathParam('sha256', { type: 'string', pattern: '^[0-9a-fA-F]{64}$' });
const space = { name: 'space', in: 'query', required: true, schema: spaceId };
const image = { schema: { type: 'string', format: 'binary' } };
const stored = (description: string) =>
	jsonBody(strict({ sha256: { type: 'string' }, stored: { type: 'boolean' } }), description);
const access = {
	400: error('A bad name or space, or the body does not hash to the name'),
	401: error('unauthorised: join the space or log in first'),
	403: error('forbidden, or space-closed'),
	404: error('unknown-space, or not-found: no such blob in this space')
};

export const blobPaths = {
	'/api/v1/blobs/{sha256}': {
		put: {
			summary:
				'Upload a photo (staff or a participant of the open space); the name is the SHA-256 ' +
				'of the body; idempotent',
			parameters: [sha256, space],
			requestBody: {
				required: true,
				content: { 'image/jpeg': image, 'image/png': image, 'image/webp': image }
			},
			responses: {
				200: stored('The space already held these bytes; nothing changed'),
				201: stored('Stored'),
				...access,
				413: error('payload-too-large: more than 5 MiB'),
				415: error('Not JPEG, PNG or WebP')
			}
		},
		get: {
			summary:
				'The bytes of a photo (whoever may pull the space); cache-control: private, ' +
				'max-age=31536000, immutable',
			parameters: [sha256, space],
			responses: {
				200: {
					description: 'The image',
					content: { 'image/jpeg': image, 'image/png': image, 'image/webp': image }
				},
				...access
			}
		}
	}
};
