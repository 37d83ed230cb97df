/**
 * Content pushed through the hub's sync API the way devices would push it, so that the pages
 * under test show a space in use and not only its empty state: the facilitator's activities and
 * clusters (pushed as the admin, with the session cookie) and the notes, votes, answers, ideas
 * and pledges of participants who joined by API.
 */
import { randomUUID } from 'node:crypto';
import { expect } from '@playwright/test';
import { formatHlc } from '../../../src/lib/domain/hlc';
import { newId, oncePerPersonId } from '../../../src/lib/domain/ids';
import type { Mutation, PushResponse } from '../../../src/lib/domain/protocol';
import { pledgeTarget } from '../../../src/lib/domain/records/pledge';
import {
	activityDefaults,
	presetThemes,
	voteTarget,
	type ActivityFields,
	type ActivityKind
} from '../../../src/lib/domain/records/workshop';
import { joinByApi, pushByApi, type ApiParticipant } from './participants';
import type { AdminSession, ProvisionedMapSpace, ProvisionedSpace } from './staff-api';

type Fields = Record<string, string | number | boolean | null>;
interface SeedRecord {
	id: string;
	type: Mutation['type'];
	fields: Fields;
}

/** The facilitator's device: pushes as the admin, one batch per call, clocks always rising. */
export class StaffWriter {
	readonly #deviceId = randomUUID();
	#seq = 1;
	#counter = 0;

	constructor(
		readonly admin: AdminSession,
		readonly space: string
	) {}

	async push(records: SeedRecord[]): Promise<void> {
		const hlc = formatHlc({ wall: Date.now(), counter: this.#counter++, node: 'e2e-staff' });
		const mutations = records.map(({ id, type, fields }) => ({
			id,
			type,
			space: this.space,
			hlc,
			patch: fields
		}));
		const response = await this.admin.api.post('/api/v1/sync/push', {
			data: {
				protocol: 1,
				deviceId: this.#deviceId,
				participant: this.admin.account.id,
				batches: [{ seq: this.#seq++, mutations }]
			}
		});
		expect(response.status(), await response.text()).toBe(200);
		const body = (await response.json()) as PushResponse;
		const refused = body.results.flatMap((b) => b.mutations).filter((m) => m.status !== 'applied');
		expect(refused).toEqual([]);
	}
}

/*
 * A workshop in use: the facilitator's five activities and a cluster, four participants' notes,
 * dots and answers. The activities are opened one after the other, as the hub only takes input
 * for the open one.
 */

/** The notes, one per participant; the first two are grouped as "Green shade". */
export const seedNotes = [
	{ text: 'Plant trees along the tram line', category: 'green-space' },
	{ text: 'Open the church garden in heat waves', category: 'green-space' },
	{ text: 'Cool roofs on the school', category: 'energy' },
	{ text: 'Misting poles at the bus stop', category: 'mobility' }
];
export const seedCluster = 'Green shade';

const prompts: Record<ActivityKind, string> = {
	brainstorm: 'How can Lindenstraße stay cool in summer?',
	'dot-vote': 'Which ideas should we start with?',
	poll: 'When should we meet again?',
	rating: 'How important is each place?',
	'open-question': 'What else should we know?'
};
const kinds = Object.keys(prompts) as ActivityKind[];

export interface SeededWorkshop {
	/** Activity ids by kind. */
	activities: Record<ActivityKind, string>;
	prompts: Record<ActivityKind, string>;
	/** Opens `kind` (the room's "now") and closes the others; null closes all. */
	open(kind: ActivityKind | null): Promise<void>;
}

interface Options {
	/** The activity open at the end (null: all closed). */
	open?: ActivityKind | null;
	/** Dots and answers too, not only the notes. */
	input?: boolean;
}

/** A workshop with five activities, four people's notes and, with `input`, their dots and answers. */
export async function seedWorkshop(
	url: string,
	admin: AdminSession,
	space: ProvisionedSpace,
	{ open = null, input = true }: Options = {}
): Promise<SeededWorkshop> {
	const staff = new StaffWriter(admin, space.id);
	const activities = Object.fromEntries(kinds.map((k) => [k, newId()])) as Record<
		ActivityKind,
		string
	>;
	await staff.push(
		kinds.map((kind, i) => ({
			id: activities[kind],
			type: 'activity',
			fields: activityFields(kind, i, activities.brainstorm)
		}))
	);
	const workshop: SeededWorkshop = {
		activities,
		prompts,
		open: (kind) =>
			staff.push(
				kinds.map((k) => ({
					id: activities[k],
					type: 'activity',
					fields: { status: k === kind ? 'open' : 'closed' }
				}))
			)
	};
	const people = await Promise.all(seedNotes.map(() => joinByApi(url, space.joinCode)));
	await workshop.open('brainstorm');
	const items = await brainstorm(url, staff, space.id, activities.brainstorm, people);
	if (input) await vote(url, workshop, space.id, people, items);
	if (input) await answer(url, workshop, space.id, people);
	await workshop.open(open);
	return workshop;
}

function activityFields(kind: ActivityKind, position: number, brainstorm: string): ActivityFields {
	const options = (labels: Record<string, string>) =>
		JSON.stringify(Object.entries(labels).map(([id, label]) => ({ id, label })));
	return {
		...activityDefaults(kind, prompts[kind], position, Date.now()),
		...(kind === 'brainstorm' && {
			categories: JSON.stringify(presetThemes.map((id) => ({ id, label: id })))
		}),
		...(kind === 'dot-vote' && { target: brainstorm, dots: 5, maxPerItem: 3 }),
		...(kind === 'poll' && {
			options: options({ sat: 'Saturday morning', wed: 'Wednesday evening' })
		}),
		...(kind === 'rating' && { options: options({ square: 'Market square', park: 'Lindenpark' }) })
	};
}

/** Each person posts a note; the facilitator groups the first two. Returns the vote items. */
async function brainstorm(
	url: string,
	staff: StaffWriter,
	space: string,
	activity: string,
	people: ApiParticipant[]
): Promise<string[]> {
	const ids = seedNotes.map(() => newId());
	for (const [i, note] of seedNotes.entries()) {
		const fields = {
			activity,
			...note,
			cluster: '',
			language: 'en',
			authorName: `Person ${i + 1}`
		};
		await pushByApi(url, people[i]!, space, [
			{ id: ids[i]!, type: 'note', fields: { ...fields, createdAt: Date.now() } }
		]);
	}
	const cluster = newId();
	await staff.push([
		{ id: cluster, type: 'cluster', fields: { activity, name: seedCluster, mergedInto: '' } },
		...ids.slice(0, 2).map((id) => ({ id, type: 'note' as const, fields: { cluster } }))
	]);
	return [cluster, ids[2]!];
}

/** Everyone puts two dots on the cluster and one on a note. */
async function vote(
	url: string,
	workshop: SeededWorkshop,
	space: string,
	people: ApiParticipant[],
	items: string[]
): Promise<void> {
	const activity = workshop.activities['dot-vote'];
	await workshop.open('dot-vote');
	for (const who of people) {
		const votes = items.map((item, i) => ({
			id: oncePerPersonId(space, voteTarget(activity, item), who.participant),
			type: 'vote' as const,
			fields: { activity, item, count: 2 - i }
		}));
		await pushByApi(url, who, space, votes);
	}
}

/** Everyone answers the poll, the rating and the open question. */
async function answer(
	url: string,
	workshop: SeededWorkshop,
	space: string,
	people: ApiParticipant[]
): Promise<void> {
	const values: [ActivityKind, (i: number) => string][] = [
		['poll', (i) => JSON.stringify([i % 3 ? 'sat' : 'wed'])],
		['rating', (i) => JSON.stringify({ square: 1 + (i % 5), park: 5 - (i % 3) })],
		['open-question', (i) => `More water fountains, please (${i + 1})`]
	];
	for (const [kind, value] of values) {
		const activity = workshop.activities[kind];
		await workshop.open(kind);
		for (const [i, who] of people.entries()) {
			const id = oncePerPersonId(space, activity, who.participant);
			await pushByApi(url, who, space, [
				{ id, type: 'answer', fields: { activity, value: value(i) } }
			]);
		}
	}
}

/** An idea from a participant who joined by API (for lists with someone else's idea in them). */
export async function seedIdea(
	url: string,
	space: ProvisionedSpace,
	title: string
): Promise<ApiParticipant> {
	const who = await joinByApi(url, space.joinCode);
	const fields = {
		title,
		text: 'Seen on the walk to school.',
		category: 'mobility',
		language: 'en',
		authorName: 'Robin',
		createdAt: Date.now()
	};
	await pushByApi(url, who, space.id, [{ id: newId(), type: 'idea', fields }]);
	return who;
}

/** An idea on the map, at its centre, from a participant who joined by API. */
export async function seedMapIdea(
	url: string,
	space: ProvisionedMapSpace,
	title: string
): Promise<void> {
	const who = await joinByApi(url, space.joinCode);
	const { lat, lng } = space.map.center;
	const fields = {
		title,
		text: 'Shade for the market days.',
		category: space.map.categories[0]!.id,
		geometry: JSON.stringify({ type: 'Point', coordinates: [lng, lat] }),
		photos: '[]',
		language: 'en',
		authorName: 'Robin',
		createdAt: Date.now()
	};
	await pushByApi(url, who, space.id, [{ id: newId(), type: 'mapIdea', fields }]);
}

/**
 * `people` participants who each pledged `action` at level 5 for 60 days from today (vegetarian
 * five days a week unless said; 'car-free' is all five commuting days, 2.4 t each).
 */
export async function seedPledges(
	url: string,
	space: ProvisionedSpace,
	people: number,
	action = 'vegetarian'
): Promise<void> {
	const day = 86_400_000;
	for (let i = 0; i < people; i++) {
		const who = await joinByApi(url, space.joinCode);
		const fields = {
			action,
			level: 5,
			startsOn: new Date().toISOString().slice(0, 10),
			endsOn: new Date(Date.now() + 60 * day).toISOString().slice(0, 10),
			status: 'active',
			origin: '',
			language: 'en',
			createdAt: Date.now()
		};
		const id = oncePerPersonId(space.id, pledgeTarget(action), who.participant);
		await pushByApi(url, who, space.id, [{ id, type: 'pledge', fields }]);
	}
}

/** A local pledge action in English and Arabic, added by the facilitator. */
export async function seedLocalAction(admin: AdminSession, space: ProvisionedSpace): Promise<void> {
	const fields = {
		theme: 'mobility',
		title: JSON.stringify({
			en: 'Share your car with the neighbours',
			ar: 'شارك سيارتك مع الجيران'
		}),
		description: JSON.stringify({ en: 'Through the District 4 car club.' }),
		commitment: JSON.stringify({ en: 'days a week I share my car' }),
		figure: 0.4,
		source: 'District 4 car club survey, 2026',
		unit: 'days-per-week',
		levelMin: 1,
		levelMax: 7,
		levelStep: 1,
		levelReference: 7,
		overlap: 'car',
		createdAt: Date.now()
	};
	await new StaffWriter(admin, space.id).push([{ id: newId(), type: 'pledgeAction', fields }]);
}
