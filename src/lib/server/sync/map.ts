/**
 * Idea-map rules a push enforces beyond the record schemas (issue 5), checked on the merged
 * state of each record inside the push transaction (the space row is locked by then):
 *
 * - map ideas, supports and comments live only in map spaces, and a map space holds nothing
 *   else but pledges, check-ins and local actions (issue 6; pledge.ts checks those): no spine
 *   ideas, no workshop records, else `invalid-record`;
 * - a participant adds, changes or withdraws map records only within the map's open period
 *   (`withinPeriod`; else `space-closed`); staff may any time. A closed space refuses everyone
 *   before this (push.ts);
 * - a map idea's category is one of the map's categories, every position of its geometry lies
 *   in the map's boundary when it has one (message `geometry: …`), and every photo it names is
 *   a blob of this space (`missing-blob`, uploaded before the record);
 * - a support carries `oncePerPersonId(space, supportTarget(idea), author)`, so one person
 *   supports an idea once from every device, and points at a live (not deleted, not hidden)
 *   map idea of the space; a comment points at one too.
 * Each field is checked when the mutation changes it, so a later change of the map's settings
 * does not lock people out of editing the title of an idea in a category that was removed.
 * A refused mutation is rolled back by the caller; the rest of the batch still applies.
 */
import { withinPeriod, type MapSettings } from '$lib/domain/map';
import { geometryInBoundary } from '$lib/domain/map-geometry';
import type { MutationResult } from '$lib/domain/protocol';
import { parseGeometry, parsePhotos, supportTarget } from '$lib/domain/records/map';
import type { RecordType } from '$lib/domain/records';
import { hasBlob } from '../blobs/store';
import type { Queryable } from '../db/client';
import { rejected } from './apply';
import { isOncePerPerson, RecordLookup, type Stored } from './lookup';
import type { RuleInput } from './workshop';

/** A set of rules push.ts asks about every mutation that changed a record. */
export interface PushRules {
	check(input: RuleInput): Promise<MutationResult | undefined>;
}

/** Rules asked in turn; the first refusal wins. */
export function allRules(...rules: PushRules[]): PushRules {
	return {
		async check(input) {
			for (const rule of rules) {
				const refused = await rule.check(input);
				if (refused) return refused;
			}
			return undefined;
		}
	};
}

export const mapRecordTypes: readonly RecordType[] = ['mapIdea', 'support', 'comment'];

/** Types every kind of space holds, a map included; their own rules are in pledge.ts. */
const everywhereTypes: readonly RecordType[] = ['pledge', 'checkIn', 'pledgeAction'];

interface SpaceFacts {
	kind: string;
	map: MapSettings | null;
}

const refuse = (id: string, message: string) => rejected(id, 'invalid-record', message);

export class MapRules implements PushRules {
	private readonly spaces = new Map<string, SpaceFacts | null>();
	private readonly lookup: RecordLookup;

	/**
	 * `records`: the batch's records by lower-case id, as push.ts keeps them up to date;
	 * `now`: the hub's clock (ms), for the open period.
	 */
	constructor(
		private readonly tx: Queryable,
		records: Map<string, Stored>,
		private readonly now: number
	) {
		this.lookup = new RecordLookup(tx, records);
	}

	async check(input: RuleInput): Promise<MutationResult | undefined> {
		const { after } = input;
		if (everywhereTypes.includes(after.type)) return undefined;
		const space = await this.space(after.space);
		const mapType = mapRecordTypes.includes(after.type);
		if (space?.kind !== 'map' || !space.map)
			return mapType
				? refuse(after.id, 'Map ideas, supports and comments belong to a map.')
				: undefined;
		if (!mapType)
			return refuse(after.id, 'A map space holds map ideas, supports and comments only.');
		if (!input.staff && !withinPeriod(space.map, this.now))
			return rejected(after.id, 'space-closed', 'This map is not open for ideas right now.');
		switch (after.type) {
			case 'mapIdea':
				return this.checkIdea(input, space.map);
			case 'support':
				return this.checkSupport(input);
			default:
				return this.checkComment(input);
		}
	}

	/** The kind and map settings of a space, read once per push. */
	private async space(id: string): Promise<SpaceFacts | null> {
		let found = this.spaces.get(id);
		if (found === undefined) {
			const [row] = await this.tx.query<SpaceFacts>(
				'SELECT kind, map_settings AS map FROM spaces WHERE id = $1',
				[id]
			);
			found = row ?? null;
			this.spaces.set(id, found);
		}
		return found;
	}

	/** A live, visible map idea of this space by id. */
	private idea(space: string, id: string): Promise<Stored | undefined> {
		return this.lookup.live(space, 'mapIdea', id);
	}

	private async checkIdea(
		{ after, patch }: RuleInput,
		map: MapSettings
	): Promise<MutationResult | undefined> {
		const f = after.fields;
		if (f.deleted === true) return undefined;
		if (Object.hasOwn(patch, 'category') && !map.categories.some((c) => c.id === f.category))
			return refuse(after.id, 'category: Pick one of the categories of this map.');
		if (Object.hasOwn(patch, 'geometry') && map.boundary) {
			const geometry = parseGeometry(String(f.geometry));
			if (!geometry || !geometryInBoundary(geometry, map.boundary))
				return refuse(after.id, 'geometry: Place the idea inside the area of this map.');
		}
		if (Object.hasOwn(patch, 'photos'))
			for (const sha256 of parsePhotos(String(f.photos)) ?? [])
				if (!(await hasBlob(this.tx, after.space, sha256)))
					return rejected(
						after.id,
						'missing-blob',
						'Upload the photo before the idea that shows it.'
					);
		return undefined;
	}

	private async checkSupport({ after }: RuleInput): Promise<MutationResult | undefined> {
		const idea = String(after.fields.idea);
		if (!isOncePerPerson(after, supportTarget(idea)))
			return refuse(after.id, 'This id is not the once-per-person id of this person and idea.');
		if (after.fields.deleted === true) return undefined;
		if (!(await this.idea(after.space, idea)))
			return refuse(after.id, 'idea: Support a map idea of this space.');
		return undefined;
	}

	private async checkComment({ after, patch }: RuleInput): Promise<MutationResult | undefined> {
		if (after.fields.deleted === true || !Object.hasOwn(patch, 'idea')) return undefined;
		if (!(await this.idea(after.space, String(after.fields.idea))))
			return refuse(after.id, 'idea: Comment on a map idea of this space.');
		return undefined;
	}
}
