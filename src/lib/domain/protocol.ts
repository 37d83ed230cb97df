import * as v from 'valibot';
import { isHlc } from './hlc';
import { isUuid } from './ids';
import { recordTypes, RecordTypeSchema, type RecordType } from './records';
import { SpaceIdSchema } from './space';

/**
 * Sync protocol v1 (docs/sync-protocol.md): the request and response shapes shared by the
 * sync engine and the hub. The hub accepts the current and the previous protocol version.
 */
export const protocolVersion = 1;
export const acceptedProtocols: readonly number[] = [protocolVersion];

export const limits = {
	/** Mutations in one outbox row; a bulk write is split into rows of this size. */
	mutationsPerBatch: 500,
	batchesPerPush: 20,
	mutationsPerPush: 2000,
	pushBytes: 1024 * 1024,
	pullDefault: 500,
	pullMax: 1000,
	/** Tombstones older than this are purged behind the space's horizon. */
	tombstoneDays: 90
} as const;

export const IdSchema = v.pipe(v.string('An id is text.'), v.check(isUuid, 'An id is a UUID.'));
export const HlcSchema = v.pipe(
	v.string('A clock is text.'),
	v.maxLength(120, 'A clock value is too long.'),
	v.check(isHlc, 'A clock is a hybrid logical clock value.')
);
export const DeviceIdSchema = IdSchema;
const FieldValueSchema = v.union(
	[v.string(), v.number(), v.boolean(), v.null()],
	'A field value is text, a number, true/false or empty.'
);

export const MutationSchema = v.strictObject({
	/** The record this mutation changes. */
	id: IdSchema,
	type: RecordTypeSchema,
	space: SpaceIdSchema,
	hlc: HlcSchema,
	patch: v.record(v.string(), FieldValueSchema, 'A patch maps field names to values.')
});
export type Mutation = v.InferOutput<typeof MutationSchema>;

export const PushBatchSchema = v.strictObject({
	seq: v.pipe(v.number(), v.integer(), v.minValue(1, 'A batch number starts at 1.')),
	mutations: v.pipe(
		v.array(MutationSchema),
		v.minLength(1, 'A batch holds at least one mutation.'),
		v.maxLength(
			limits.mutationsPerBatch,
			`A batch holds at most ${limits.mutationsPerBatch} mutations.`
		)
	)
});
export type PushBatch = v.InferOutput<typeof PushBatchSchema>;

export const PushRequestSchema = v.pipe(
	v.strictObject({
		protocol: v.number('The protocol version is a number.'),
		deviceId: DeviceIdSchema,
		/** The pseudonymous participant who wrote these mutations. */
		participant: IdSchema,
		batches: v.pipe(
			v.array(PushBatchSchema),
			v.minLength(1, 'A push holds at least one batch.'),
			v.maxLength(limits.batchesPerPush, `A push holds at most ${limits.batchesPerPush} batches.`)
		)
	}),
	v.check(
		(push) => push.batches.reduce((n, b) => n + b.mutations.length, 0) <= limits.mutationsPerPush,
		`A push holds at most ${limits.mutationsPerPush} mutations.`
	)
);
export type PushRequest = v.InferOutput<typeof PushRequestSchema>;

export type MutationStatus = 'applied' | 'duplicate' | 'rejected';
export interface MutationResult {
	id: string;
	status: MutationStatus;
	code?: string;
	message?: string;
}
export interface BatchResult {
	seq: number;
	/** `rejected` for the batch as a whole only on a conflicting resend. */
	status: MutationStatus;
	code?: string;
	message?: string;
	mutations: MutationResult[];
}
export interface PushResponse {
	protocol: number;
	results: BatchResult[];
	/** Per space, the hub sequence that includes this push: "synced" once a pull passes it. */
	checkpoints: Record<string, string>;
}

/** `EPOCH.SEQ`: the epoch changes when a hub's data is reset, so old cursors are refused. */
export const CursorSchema = v.pipe(
	v.string(),
	v.regex(/^[a-z0-9]{1,32}\.\d{1,15}$/, 'A cursor looks like "epoch.sequence".')
);

export const PullQuerySchema = v.strictObject({
	space: SpaceIdSchema,
	after: v.optional(CursorSchema),
	limit: v.optional(
		v.pipe(
			v.string(),
			v.regex(/^\d{1,5}$/, 'The limit is a whole number.'),
			v.transform(Number),
			v.minValue(1, 'The limit is at least 1.'),
			v.maxValue(limits.pullMax, `The limit is at most ${limits.pullMax}.`)
		)
	),
	protocol: v.optional(v.string())
});

/** The latest state of one record, as the hub sends it. `fields.deleted` is the tombstone. */
export interface RemoteRecord {
	id: string;
	type: RecordType;
	space: string;
	author: string;
	fields: Record<string, string | number | boolean | null>;
	clocks: Record<string, string>;
	/** Moderation: staff get hidden records flagged; everyone else gets them as tombstones. */
	hidden?: boolean;
	hiddenReason?: string;
}

export interface PullResponse {
	changes: RemoteRecord[];
	cursor: string;
	more: boolean;
}

export function parseCursor(cursor: string): { epoch: string; seq: number } {
	const [epoch, seq] = cursor.split('.');
	return { epoch: epoch ?? '', seq: Number(seq ?? 0) };
}

export function formatCursor(epoch: string, seq: number): string {
	return `${epoch}.${seq}`;
}

/** The schema a patch of this record type must pass: partial fields plus the tombstone. */
export function patchSchemaFor(type: RecordType) {
	return v.strictObject({
		...recordTypes[type].patch.entries,
		deleted: v.optional(v.boolean('Deleted is true or false.'))
	});
}

/** The schema a newly created record must pass: every field. */
export function createSchemaFor(type: RecordType) {
	return v.strictObject({
		...recordTypes[type].fields.entries,
		deleted: v.optional(v.boolean('Deleted is true or false.'))
	});
}

/** Readable one-line summary of valibot issues: "title: Give the idea a title." */
export function describeIssues(issues: readonly v.BaseIssue<unknown>[]): string {
	return issues
		.map((issue) => {
			const path = v.getDotPath(issue);
			return path ? `${path}: ${issue.message}` : issue.message;
		})
		.join(' ');
}
