/**
 * Spaces as the API shows them: the public view anyone may read before joining, and the
 * staff view with the join code and the facilitators. Spaces left over from the issue-2 spine
 * (no organisation) are not shown at all.
 */
import type {
	ErasePolicy,
	PublicSpaceView,
	SpaceInfo,
	SpaceKind,
	SpaceStatus,
	SpaceView
} from '$lib/domain/auth';
import type { MapSettings } from '$lib/domain/map';
import type { PledgeCampaign } from '$lib/domain/pledge/campaign';
import type { Translations } from '$lib/domain/translations';
import type { Queryable } from '../db/client';

export interface SpaceRow {
	id: string;
	organisation: string;
	title: string;
	purpose: string;
	privacyNotice: string;
	erasePolicy: ErasePolicy;
	retentionUntil: string | null;
	published: boolean;
	status: SpaceStatus;
	joinCode: string;
	facilitators: string[];
	kind: SpaceKind;
	date: string | null;
	place: string;
	languages: string[];
	map: MapSettings | null;
	pledge: PledgeCampaign | null;
	impactPublic: boolean;
	language: string;
	translations: Translations;
}

const columns = `s.id, s.organisation::text AS organisation, s.title, s.purpose,
	s.privacy_notice AS "privacyNotice", s.erase_policy AS "erasePolicy",
	s.retention_until::text AS "retentionUntil", s.published, s.status, s.join_code AS "joinCode",
	s.kind, s.workshop_date::text AS date, s.place, s.languages, s.map_settings AS map,
	s.pledge_settings AS pledge, s.impact_public AS "impactPublic", s.language, s.translations,
	coalesce((SELECT array_agg(f.account::text ORDER BY f.account) FROM space_facilitators f
		WHERE f.space = s.id), '{}') AS facilitators`;

/** Spaces matching `where` (parameters `params`), oldest first. */
async function selectSpaces(db: Queryable, where: string, params: unknown[]): Promise<SpaceRow[]> {
	return db.query<SpaceRow>(
		`SELECT ${columns} FROM spaces s WHERE s.organisation IS NOT NULL AND ${where}
		ORDER BY s.created_at, s.id`,
		params
	);
}

export async function spaceById(db: Queryable, id: string): Promise<SpaceRow | null> {
	return (await selectSpaces(db, 's.id = $1', [id]))[0] ?? null;
}

export async function spaceByJoinCode(db: Queryable, code: string): Promise<SpaceRow | null> {
	return (await selectSpaces(db, 's.join_code = $1', [code]))[0] ?? null;
}

/** Admin: every space of the organisation; facilitator: the spaces they facilitate. */
export async function spacesOf(
	db: Queryable,
	account: { accountId: string; organisation: string; role: string }
): Promise<SpaceRow[]> {
	if (account.role === 'admin')
		return selectSpaces(db, 's.organisation = $1', [account.organisation]);
	return selectSpaces(
		db,
		'EXISTS (SELECT 1 FROM space_facilitators f WHERE f.space = s.id AND f.account = $1)',
		[account.accountId]
	);
}

export function spaceInfo(row: SpaceRow): SpaceInfo {
	const { id, organisation, facilitators, published, status, retentionUntil } = row;
	return { id, organisation, facilitators, published, status, retentionUntil };
}

export function publicView(row: SpaceRow): PublicSpaceView {
	const { id, title, purpose, privacyNotice, erasePolicy, retentionUntil, published, status } = row;
	const { kind, date, place, languages, map, pledge, impactPublic, language, translations } = row;
	return {
		id,
		title,
		purpose,
		privacyNotice,
		erasePolicy,
		retentionUntil,
		published,
		status,
		kind,
		date,
		place,
		languages: languages ?? [],
		map: map ?? null,
		pledge: pledge ?? null,
		impactPublic,
		language,
		translations: translations ?? {}
	};
}

export function staffView(row: SpaceRow): SpaceView {
	return { ...publicView(row), joinCode: row.joinCode, facilitators: row.facilitators };
}
