/**
 * The facts about spaces that authorisation depends on (`SpaceInfo`), read in one query for any
 * number of spaces. A space without an organisation is a leftover of the issue-2 spine, when
 * pushes made spaces implicitly: nobody owns it, so it counts as unknown.
 */
import type { ErasePolicy, SpaceInfo } from '$lib/domain/auth';
import { PlazaError } from '$lib/domain/errors';
import type { Queryable } from '../db/client';

export interface HubSpace extends SpaceInfo {
	erasePolicy: ErasePolicy;
}

interface SpaceRow {
	id: string;
	organisation: string;
	facilitators: string[] | null;
	published: boolean;
	status: 'open' | 'closed';
	retentionUntil: string | null;
	erasePolicy: ErasePolicy;
}

export async function loadSpaces(db: Queryable, ids: string[]): Promise<Map<string, HubSpace>> {
	if (ids.length === 0) return new Map();
	const rows = await db.query<SpaceRow>(
		`SELECT s.id, s.organisation::text AS organisation, s.published, s.status,
			s.retention_until::text AS "retentionUntil", s.erase_policy AS "erasePolicy",
			array_remove(array_agg(f.account::text ORDER BY f.account), NULL) AS facilitators
		FROM spaces s LEFT JOIN space_facilitators f ON f.space = s.id
		WHERE s.id = ANY($1::text[]) AND s.organisation IS NOT NULL
		GROUP BY s.id`,
		[ids]
	);
	return new Map(rows.map((row) => [row.id, { ...row, facilitators: row.facilitators ?? [] }]));
}

/** One space, or 404 `unknown-space`. */
export async function requireSpace(db: Queryable, id: string): Promise<HubSpace> {
	const space = (await loadSpaces(db, [id])).get(id);
	if (!space) throw new PlazaError('unknown-space', 'There is no space with this id.', 404);
	return space;
}
