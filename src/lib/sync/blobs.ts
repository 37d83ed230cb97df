/**
 * Uploading a space's waiting blobs before its outbox is pushed: `PUT /api/v1/blobs/<sha256>`
 * with the raw bytes (the JSON `Api` cannot send them, so this takes the environment's fetch).
 * The hub's PUT is idempotent, so a blob whose answer was lost is simply sent again.
 * Unreachable hub: thrown as `network` (the round stops). Refused (401/403): thrown too, so the
 * space is reported refused. Any other answer (too large, bad hash) leaves the blob waiting and
 * its rows held; the other blobs still go.
 */
import { PlazaError } from '$lib/domain/errors';
import { markBlobUploaded, waitingBlobs } from '$lib/store/blobs';
import type { BlobRow } from '$lib/store/db';
import { isAuthFailure, type Api, type FetchLike } from './api';

export interface BlobUploadOutcome {
	uploaded: string[];
	/** Blobs the hub refused, with its status (they stay waiting). */
	failed: Record<string, number>;
}

/** The hub path of a blob of a space (PUT to upload, GET to read). */
export function blobPath(sha256: string, space: string): string {
	return `/api/v1/blobs/${sha256}?space=${encodeURIComponent(space)}`;
}

/**
 * A blob's bytes from the hub, for showing a photo this device does not hold: a participant's
 * token cannot ride on an `<img>`, so the bytes are fetched with it. Unreachable hub:
 * `needs-connection`; no such blob (or not allowed): `not-found`.
 */
export async function fetchBlob(
	api: Api,
	space: string,
	sha256: string,
	token: string | null | undefined,
	fetchFn: FetchLike = globalThis.fetch.bind(globalThis)
): Promise<Blob> {
	let response: Response;
	try {
		response = await fetchFn(api.url(blobPath(sha256, space)), {
			headers: token ? { authorization: `Bearer ${token}` } : {}
		});
	} catch {
		throw new PlazaError('needs-connection', 'This photo needs a connection to the hub.', 0);
	}
	if (!response.ok)
		throw new PlazaError('not-found', 'The hub has no such photo.', response.status);
	return response.blob();
}

async function put(
	fetchFn: FetchLike,
	api: Api,
	blob: BlobRow,
	token: string | undefined
): Promise<Response> {
	const headers = new Headers({ 'content-type': blob.type, accept: 'application/json' });
	if (token) headers.set('authorization', `Bearer ${token}`);
	try {
		return await fetchFn(api.url(blobPath(blob.sha256, blob.space)), {
			method: 'PUT',
			headers,
			body: blob.bytes as Uint8Array<ArrayBuffer>
		});
	} catch (error) {
		throw new PlazaError('network', error instanceof Error ? error.message : String(error), 0);
	}
}

/** Upload every waiting blob of `space`, oldest hash order; see the header for failures. */
export async function uploadBlobs(
	fetchFn: FetchLike,
	api: Api,
	space: string,
	token?: string
): Promise<BlobUploadOutcome> {
	const outcome: BlobUploadOutcome = { uploaded: [], failed: {} };
	for (const blob of await waitingBlobs(space)) {
		const response = await put(fetchFn, api, blob, token);
		if (response.ok) {
			await markBlobUploaded(blob.sha256);
			outcome.uploaded.push(blob.sha256);
			continue;
		}
		const error = new PlazaError(
			'server-error',
			`The hub answered ${response.status}.`,
			response.status
		);
		if (isAuthFailure(error)) throw error;
		if (response.status === 426) throw new PlazaError('unsupported-protocol', '', 426);
		outcome.failed[blob.sha256] = response.status;
	}
	return outcome;
}
