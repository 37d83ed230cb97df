import * as v from 'valibot';
import { IdeaFieldsSchema, IdeaPatchSchema } from './idea';

/**
 * The registry of synced record types: each has one schema for its full fields and one for
 * a partial patch. Later features add their record types here.
 */
export const recordTypes = {
	idea: { fields: IdeaFieldsSchema, patch: IdeaPatchSchema }
} as const;

export type RecordType = keyof typeof recordTypes;
export const RecordTypeSchema = v.picklist(
	Object.keys(recordTypes) as RecordType[],
	'Unknown record type.'
);

export * from './idea';
