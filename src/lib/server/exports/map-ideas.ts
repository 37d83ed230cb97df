/**
 * The visible ideas of a map space with their live support and comment counts: what the
 * GeoJSON export and the Open311 interface publish. Hidden (moderated) and deleted ideas never
 * leave, nor do hidden or deleted supports and comments count. Author ids and names stay in.
 */
import { parseGeometry, parsePhotos, type IdeaGeometry } from '$lib/domain/records/map';
import type { Fields } from '$lib/domain/merge';
import type { Queryable } from '../db/client';

export interface IdeaFilter {
	/** Only these idea ids (lower case). */
	ids?: string[];
	/** Only ideas of these categories. */
	categories?: string[];
	/** Only ideas written in this language, counting only comments written in it. */
	language?: string;
	/** createdAt at or after / at or before (ms). */
	from?: number;
	to?: number;
	limit?: number;
	/** Newest first (Open311) instead of oldest first (exports). */
	newestFirst?: boolean;
}

/** One visible map idea, as the exports need it. */
export interface MapIdeaRow {
	id: string;
	title: string;
	text: string;
	category: string;
	geometry: IdeaGeometry | null;
	photos: string[];
	language: string;
	/** ISO times: the device's creation time (the hub's last change when that is no date). */
	createdAt: string;
	updatedAt: string;
	support: number;
	comments: number;
}

interface Row {
	id: string;
	fields: Fields;
	updatedAt: string;
	support: number | string;
	comments: number | string;
}

/** `ms` as an ISO time, or `fallback` when it is not one (a device may send any integer). */
function isoOr(ms: unknown, fallback: string): string {
	const date = new Date(Number(ms));
	return Number.isFinite(date.getTime()) ? date.toISOString() : fallback;
}

const counts = (type: string, language = '') => `SELECT fields->>'idea' AS idea, count(*)::int AS n
	FROM records WHERE space = $1 AND type = '${type}' AND NOT deleted AND NOT hidden ${language}
	GROUP BY fields->>'idea'`;
const inLanguage = (alias: string) =>
	`AND ($7::text IS NULL OR ${alias}fields->>'language' = $7::text)`;

const ascending = `ORDER BY (r.fields->>'createdAt')::numeric, r.id`;
const descending = `ORDER BY (r.fields->>'createdAt')::numeric DESC, r.id`;

function query(newestFirst: boolean): string {
	return `WITH s AS (${counts('support')}), c AS (${counts('comment', inLanguage(''))})
		SELECT r.id::text AS id, r.fields,
			to_char(r.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updatedAt",
			coalesce(s.n, 0) AS support, coalesce(c.n, 0) AS comments
		FROM records r
			LEFT JOIN s ON s.idea = r.id::text
			LEFT JOIN c ON c.idea = r.id::text
		WHERE r.space = $1 AND r.type = 'mapIdea' AND NOT r.deleted AND NOT r.hidden
			AND ($2::uuid[] IS NULL OR r.id = ANY($2::uuid[]))
			AND ($3::text[] IS NULL OR r.fields->>'category' = ANY($3::text[]))
			AND ($4::numeric IS NULL OR (r.fields->>'createdAt')::numeric >= $4::numeric)
			AND ($5::numeric IS NULL OR (r.fields->>'createdAt')::numeric <= $5::numeric)
			${inLanguage('r.')}
		${newestFirst ? descending : ascending}
		LIMIT $6`;
}

export async function mapIdeas(
	db: Queryable,
	space: string,
	filter: IdeaFilter = {}
): Promise<MapIdeaRow[]> {
	const rows = await db.query<Row>(query(filter.newestFirst ?? false), [
		space,
		filter.ids ?? null,
		filter.categories ?? null,
		filter.from ?? null,
		filter.to ?? null,
		filter.limit ?? null,
		filter.language ?? null
	]);
	return rows.map((row) => {
		const f = row.fields;
		return {
			id: row.id,
			title: String(f.title ?? ''),
			text: String(f.text ?? ''),
			category: String(f.category ?? ''),
			geometry: parseGeometry(String(f.geometry ?? '')) ?? null,
			photos: parsePhotos(String(f.photos ?? '[]')) ?? [],
			language: String(f.language ?? ''),
			createdAt: isoOr(f.createdAt, row.updatedAt),
			updatedAt: row.updatedAt,
			support: Number(row.support),
			comments: Number(row.comments)
		};
	});
}

/** The absolute URL of a photo blob of `space` (public when the space is published). */
export function blobUrl(origin: string, space: string, sha256: string): string {
	return `${origin}/api/v1/blobs/${sha256}?space=${encodeURIComponent(space)}`;
}
