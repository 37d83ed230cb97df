/**
 * A photo of a workshop's paper (a flip chart, a wall of cards): a record that refers to an
 * image blob by its SHA-256. The bytes travel separately (`PUT /api/v1/blobs/<sha256>`) and
 * before the record: the hub refuses a photo whose blob it does not hold (`missing-blob`).
 */
import * as v from 'valibot';
import { isUuid } from '../ids';

/** Limits shared by the schema, the hub and the capture UI. */
export const photoLimits = {
	caption: 300,
	/** The largest blob the hub stores, in bytes. */
	blobBytes: 5 * 1024 * 1024
} as const;

/** The image types a blob may have. */
export const blobTypes = ['image/jpeg', 'image/png', 'image/webp'] as const;
export type BlobType = (typeof blobTypes)[number];

export function isBlobType(value: string): value is BlobType {
	return (blobTypes as readonly string[]).includes(value);
}

/** A SHA-256 as 64 lower-case hex digits: the name of a blob. */
export function isSha256(value: string): boolean {
	return /^[0-9a-f]{64}$/.test(value);
}

export const Sha256Schema = v.pipe(
	v.string('A blob name is text.'),
	v.toLowerCase(),
	v.check(isSha256, 'A blob name is a SHA-256 in hex.')
);

export const PhotoFieldsSchema = v.strictObject({
	activity: v.pipe(
		v.string('An id is text.'),
		v.check(isUuid, 'An id is a UUID.'),
		v.toLowerCase()
	),
	sha256: Sha256Schema,
	caption: v.pipe(
		v.string('A caption is text.'),
		v.trim(),
		v.maxLength(photoLimits.caption, `A caption has at most ${photoLimits.caption} characters.`)
	),
	createdAt: v.pipe(
		v.number('The creation time is a number.'),
		v.integer('The creation time is whole milliseconds.'),
		v.minValue(0, 'The creation time cannot be negative.')
	)
});
export type PhotoFields = v.InferOutput<typeof PhotoFieldsSchema>;
export const PhotoPatchSchema = v.partial(PhotoFieldsSchema);
