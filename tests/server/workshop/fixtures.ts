/**
 * Builders for workshop records in push requests: activities, notes, clusters, votes and answers
 * with every field a creation needs.
 */
import { newId, oncePerPersonId } from '../../../src/lib/domain/ids';
import type { Fields } from '../../../src/lib/domain/merge';
import type { Mutation } from '../../../src/lib/domain/protocol';
import {
	activityDefaults,
	voteTarget,
	type ActivityKind
} from '../../../src/lib/domain/records/workshop';
import type { RecordType } from '../../../src/lib/domain/records';
import { hlc } from '../helpers';

let tick = 0;
/** A fresh clock, later than every earlier one in the run. */
export const clock = (node = 'node-a') => hlc((tick += 1), node);

export function change(type: RecordType, id: string, space: string, patch: Fields): Mutation {
	return { id, type, space, hlc: clock(), patch };
}

export function activity(
	space: string,
	kind: ActivityKind,
	overrides: Fields = {},
	id = newId()
): Mutation {
	const fields = { ...activityDefaults(kind, `Prompt for ${kind}`, 0, 1_700_000_000_000) };
	return change('activity', id, space, { ...fields, status: 'open', ...overrides });
}

export function note(space: string, activityId: string, overrides: Fields = {}): Mutation {
	return change('note', newId(), space, {
		activity: activityId,
		text: 'More trees on the square',
		category: '',
		cluster: '',
		language: 'en',
		authorName: 'Ana',
		createdAt: 1_700_000_000_000,
		...overrides
	});
}

export function cluster(space: string, activityId: string, name: string, id = newId()): Mutation {
	return change('cluster', id, space, { activity: activityId, name, mergedInto: '' });
}

export function voteId(space: string, activityId: string, item: string, participant: string) {
	return oncePerPersonId(space, voteTarget(activityId, item), participant);
}

export function vote(
	space: string,
	activityId: string,
	item: string,
	participant: string,
	count: number
): Mutation {
	const id = voteId(space, activityId, item, participant);
	return change('vote', id, space, { activity: activityId, item, count });
}

export function answer(
	space: string,
	activityId: string,
	participant: string,
	value: string
): Mutation {
	const id = oncePerPersonId(space, activityId, participant);
	return change('answer', id, space, { activity: activityId, value });
}

export const themes = JSON.stringify([
	{ id: 'mobility', label: 'mobility' },
	{ id: 'energy', label: 'energy' }
]);
