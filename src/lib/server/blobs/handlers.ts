/**
 * The blob routes (photos of a workshop's paper):
 * - `PUT /api/v1/blobs/<sha256>?space=<id>`: staff or a participant of an open space upload
 *   image bytes (jpeg, png or webp, at most 5 MiB → else 415 / 413). The SHA-256 of the body
 *   must equal the name (else 400). Idempotent: 201 when stored, 200 when already held.
 *   The cap is checked while reading, so a client lying about content-length gets 413 too.
 * - `GET /api/v1/blobs/<sha256>?space=<id>`: whoever may pull the space gets the bytes with
 *   their type; a name never changes its bytes, so the answer is cached for a year, privately
 *   (an unpublished space's photo must not sit in a shared cache).
 */
import { createHash } from 'node:crypto';
import * as v from 'valibot';
import { PlazaError } from '$lib/domain/errors';
import { authorOf, canPull, isParticipantOf, isStaff } from '$lib/domain/policy';
import { isBlobType, photoLimits, Sha256Schema } from '$lib/domain/records/photo';
import { SpaceIdSchema } from '$lib/domain/space';
import { json, parse, readBytes, toErrorResponse } from '../http';
import type { Ctx } from '../http/context';
import { requireAccess } from '../sync/access';
import { requireSpace } from '../sync/spaces';
import { loadBlob, storeBlob } from './store';

const BlobQuerySchema = v.object({ space: SpaceIdSchema });

function target(request: Request, name: string): { space: string; sha256: string } {
	const { space } = parse(BlobQuerySchema, Object.fromEntries(new URL(request.url).searchParams));
	return { space, sha256: parse(Sha256Schema, name) };
}

/** PUT /api/v1/blobs/<sha256>?space=<id> */
export async function handlePutBlob(request: Request, name: string, ctx: Ctx): Promise<Response> {
	try {
		const { space, sha256 } = target(request, name);
		const info = await requireSpace(ctx.hub.db, space);
		const author = authorOf(ctx.actor);
		requireAccess(ctx.actor, isStaff(ctx.actor, info) || isParticipantOf(ctx.actor, info));
		if (info.status !== 'open' || !author)
			throw new PlazaError('space-closed', 'This space is closed to new contributions.', 403);
		const type = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
		if (!isBlobType(type))
			throw new PlazaError('invalid-request', 'Send a photo as JPEG, PNG or WebP.', 415);
		const bytes = await readBytes(request, photoLimits.blobBytes);
		if (createHash('sha256').update(bytes).digest('hex') !== sha256)
			throw new PlazaError('invalid-request', 'The photo does not match its name (SHA-256).');
		const stored = await storeBlob(ctx.hub.db, { space, sha256, type, bytes, uploadedBy: author });
		return json({ sha256, stored }, stored ? 201 : 200);
	} catch (error) {
		return toErrorResponse(error);
	}
}

/** GET /api/v1/blobs/<sha256>?space=<id> */
export async function handleGetBlob(request: Request, name: string, ctx: Ctx): Promise<Response> {
	try {
		const { space, sha256 } = target(request, name);
		const info = await requireSpace(ctx.hub.db, space);
		requireAccess(ctx.actor, canPull(ctx.actor, info));
		const blob = await loadBlob(ctx.hub.db, space, sha256);
		if (!blob) throw new PlazaError('not-found', 'This space holds no such photo.', 404);
		return new Response(blob.bytes, {
			headers: {
				'content-type': blob.type,
				'content-length': String(blob.bytes.byteLength),
				'cache-control': 'private, max-age=31536000, immutable',
				'x-content-type-options': 'nosniff'
			}
		});
	} catch (error) {
		return toErrorResponse(error);
	}
}
