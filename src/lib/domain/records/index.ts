import * as v from 'valibot';
import { IdeaFieldsSchema, IdeaPatchSchema } from './idea';
import {
	CommentFieldsSchema,
	CommentPatchSchema,
	MapIdeaFieldsSchema,
	MapIdeaPatchSchema,
	SupportFieldsSchema,
	SupportPatchSchema
} from './map';
import { PhotoFieldsSchema, PhotoPatchSchema } from './photo';
import {
	CheckInFieldsSchema,
	CheckInPatchSchema,
	PledgeActionFieldsSchema,
	PledgeActionPatchSchema,
	PledgeFieldsSchema,
	PledgePatchSchema
} from './pledge';
import {
	ActivityFieldsSchema,
	ActivityPatchSchema,
	AnswerFieldsSchema,
	AnswerPatchSchema,
	ClusterFieldsSchema,
	ClusterPatchSchema,
	NoteFieldsSchema,
	NotePatchSchema,
	VoteFieldsSchema,
	VotePatchSchema
} from './workshop';

/**
 * The registry of synced record types: each has one schema for its full fields and one for
 * a partial patch. Later features add their record types here.
 */
export const recordTypes = {
	idea: { fields: IdeaFieldsSchema, patch: IdeaPatchSchema },
	activity: { fields: ActivityFieldsSchema, patch: ActivityPatchSchema },
	note: { fields: NoteFieldsSchema, patch: NotePatchSchema },
	cluster: { fields: ClusterFieldsSchema, patch: ClusterPatchSchema },
	vote: { fields: VoteFieldsSchema, patch: VotePatchSchema },
	answer: { fields: AnswerFieldsSchema, patch: AnswerPatchSchema },
	photo: { fields: PhotoFieldsSchema, patch: PhotoPatchSchema },
	mapIdea: { fields: MapIdeaFieldsSchema, patch: MapIdeaPatchSchema },
	support: { fields: SupportFieldsSchema, patch: SupportPatchSchema },
	comment: { fields: CommentFieldsSchema, patch: CommentPatchSchema },
	pledge: { fields: PledgeFieldsSchema, patch: PledgePatchSchema },
	checkIn: { fields: CheckInFieldsSchema, patch: CheckInPatchSchema },
	pledgeAction: { fields: PledgeActionFieldsSchema, patch: PledgeActionPatchSchema }
} as const;

export type RecordType = keyof typeof recordTypes;
export const RecordTypeSchema = v.picklist(
	Object.keys(recordTypes) as RecordType[],
	'Unknown record type.'
);

export * from './idea';
export * from './map';
export * from './photo';
export * from './pledge';
export * from './workshop';
