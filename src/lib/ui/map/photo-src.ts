/**
 * Where a map idea's photo is read from: this device's blob when it holds the bytes (its own
 * photos, offline too), else the hub's copy. A participant's token cannot ride on an `<img>`,
 * so the hub's copy is fetched with it and shown from an object URL; the caller revokes it.
 */
import { PlazaError } from '$lib/domain/errors';
import { getBlob, spaceToken } from '$lib/store';
import { api } from '$lib/sync';
import { blobPath } from '$lib/sync/blobs';

export async function photoObjectUrl(space: string, sha256: string): Promise<string> {
	const local = await getBlob(sha256);
	if (local)
		return URL.createObjectURL(
			new Blob([local.bytes as Uint8Array<ArrayBuffer>], { type: local.type })
		);
	const token = await spaceToken(space);
	let response: Response;
	try {
		response = await fetch(api.url(blobPath(sha256, space)), {
			headers: token ? { authorization: `Bearer ${token}` } : {}
		});
	} catch {
		throw new PlazaError('needs-connection', 'This photo needs a connection to the hub.', 0);
	}
	if (!response.ok)
		throw new PlazaError('not-found', 'The hub has no such photo.', response.status);
	return URL.createObjectURL(await response.blob());
}
