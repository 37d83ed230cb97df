/**
 * Where a map idea's photo is read from: this device's blob when it holds the bytes (its own
 * photos, offline too), else the hub's copy (`fetchBlob`). Either is shown from an object URL;
 * the caller revokes it.
 */
import { getBlob, spaceToken } from '$lib/store';
import { api } from '$lib/sync';
import { fetchBlob } from '$lib/sync/blobs';

export async function photoObjectUrl(space: string, sha256: string): Promise<string> {
	const local = await getBlob(sha256);
	if (local)
		return URL.createObjectURL(
			new Blob([local.bytes as Uint8Array<ArrayBuffer>], { type: local.type })
		);
	const token = await spaceToken(space);
	return URL.createObjectURL(await fetchBlob(api, space, sha256, token));
}
