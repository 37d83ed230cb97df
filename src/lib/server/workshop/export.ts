/**
 * The open-data export of a workshop (issue 4): CSV with one row per visible note, and JSON
 * with activities, notes, clusters, photos and results, both under CC-BY-4.0 with a short data
 * card (what, where, when, how). CSV cannot hold a header comment, so the CSV answer points at
 * `export.datacard.json` with `Link: …; rel="describedby"`. Photos are in the JSON only (their
 * bytes stay on the hub, behind the blob URL).
 *
 * Hidden (moderated) and deleted records never leave; neither do author ids or display names:
 * an export is meant to be published. `?language=<code>` keeps only the notes written in that
 * language; the JSON's `languages` summary is always over the whole space (exports/languages.ts).
 */
import Papa from 'papaparse';
import { parseOptions } from '$lib/domain/records/workshop';
import {
	clusterResolver,
	pollResults,
	ratingResults,
	tally,
	type TallyEntry
} from '$lib/domain/workshop';
import type { Fields } from '$lib/domain/merge';
import type { Queryable } from '../db/client';
import { licence, type DataCard } from '../exports/datacard';
import { mapDataCardExport } from '../exports/geojson';
import {
	languageParam,
	languageParamDescription,
	languageSummary,
	languageSummaryDescription
} from '../exports/languages';
import { toErrorResponse } from '../http';
import type { Ctx } from '../http/context';
import { requireManagedSpace } from '../spaces/handlers';
import type { SpaceRow } from '../spaces/views';

interface Row {
	id: string;
	type: string;
	fields: Fields;
	updatedAt: string;
}

export interface ExportNote {
	id: string;
	activity: string;
	activityPrompt: string;
	cluster: string;
	clusterName: string;
	category: string;
	text: string;
	language: string;
	/** Dots placed on the note itself. */
	votes: number;
	/** Dots placed on the cluster the note is shown in (0 when it is in none). */
	clusterVotes: number;
	hidden: false;
	createdAt: string;
	updatedAt: string;
}

export interface ExportPhoto {
	id: string;
	activity: string;
	sha256: string;
	caption: string;
	createdAt: string;
	/** Where the hub serves the bytes (staff, or anyone for a published space); null once gone. */
	url: string | null;
}

const iso = (ms: unknown) => new Date(Number(ms)).toISOString();

async function liveRecords(db: Queryable, space: string): Promise<Row[]> {
	return db.query<Row>(
		`SELECT id, type, fields, to_char(updated_at AT TIME ZONE 'UTC',
			'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updatedAt"
		FROM records WHERE space = $1 AND NOT deleted AND NOT hidden
			AND type IN ('activity', 'note', 'cluster', 'vote', 'answer', 'photo')
		ORDER BY id`,
		[space]
	);
}

/** The names of the blobs the hub still holds for a space (retention deletes them). */
async function heldBlobs(db: Queryable, space: string): Promise<Set<string>> {
	const rows = await db.query<{ sha256: string }>('SELECT sha256 FROM blobs WHERE space = $1', [
		space
	]);
	return new Set(rows.map((row) => row.sha256));
}

const blobUrl = (space: string, sha256: string) =>
	`/api/v1/blobs/${sha256}?space=${encodeURIComponent(space)}`;

/** The data card; `language`: the filter of a filtered export, said in `how`. */
export function dataCard(space: SpaceRow, language?: string): DataCard {
	const filtered = language ? ` Only notes written in "${language}" are included.` : '';
	return {
		what: `${space.title}: ${space.purpose}`,
		where: space.place,
		when: space.date ?? '',
		how:
			'Collected with Plaza in a co-creation workshop: notes posted by participants on their ' +
			'own devices or typed in from paper cards by facilitators, then dot votes, polls, ' +
			'ratings and open questions. Participants are pseudonymous and no names or ids are ' +
			'exported. Contributions hidden by moderators are left out. The languages summary ' +
			'counts contributions and people per language over the whole workshop, without ' +
			'suppressing small counts.' +
			filtered
	};
}

/**
 * Everything the exports hold, computed from the live records; with `language`, only the notes
 * written in it (votes and clusters stay, so the counts of the kept notes are unchanged).
 */
export async function workshopExport(db: Queryable, space: SpaceRow, language?: string) {
	const rows = await liveRecords(db, space.id);
	const of = (type: string) => rows.filter((row) => row.type === type);
	const activities = of('activity').sort(
		(a, b) => Number(a.fields.position) - Number(b.fields.position) || (a.id < b.id ? -1 : 1)
	);
	const clusters = of('cluster');
	const resolve = clusterResolver(
		clusters.map((c) => ({ id: c.id, mergedInto: String(c.fields.mergedInto) }))
	);
	const names = new Map(clusters.map((c) => [c.id, String(c.fields.name)]));
	const votes = of('vote').map((v) => ({
		activity: String(v.fields.activity),
		item: String(v.fields.item),
		count: Number(v.fields.count)
	}));
	const noteVotes = new Map(tally(votes).map((entry) => [entry.item, entry.votes]));
	const clusterVotes = new Map(tally(votes, resolve).map((entry) => [entry.item, entry.votes]));
	const prompts = new Map(activities.map((a) => [a.id, String(a.fields.prompt)]));
	const order = new Map(activities.map((a, i) => [a.id, i]));
	const notes: ExportNote[] = of('note')
		.filter((n) => prompts.has(String(n.fields.activity)))
		.filter((n) => !language || n.fields.language === language)
		.map((n) => {
			const cluster = resolve(String(n.fields.cluster));
			return {
				id: n.id,
				activity: String(n.fields.activity),
				activityPrompt: prompts.get(String(n.fields.activity))!,
				cluster,
				clusterName: names.get(cluster) ?? '',
				category: String(n.fields.category),
				text: String(n.fields.text),
				language: String(n.fields.language),
				votes: noteVotes.get(n.id) ?? 0,
				clusterVotes: cluster ? (clusterVotes.get(cluster) ?? 0) : 0,
				hidden: false as const,
				createdAt: iso(n.fields.createdAt),
				updatedAt: n.updatedAt
			};
		})
		.sort(
			(a, b) =>
				order.get(a.activity)! - order.get(b.activity)! ||
				a.createdAt.localeCompare(b.createdAt) ||
				(a.id < b.id ? -1 : 1)
		);
	const held = await heldBlobs(db, space.id);
	const photos: ExportPhoto[] = of('photo')
		.filter((p) => prompts.has(String(p.fields.activity)))
		.map((p) => {
			const sha256 = String(p.fields.sha256);
			return {
				id: p.id,
				activity: String(p.fields.activity),
				sha256,
				caption: String(p.fields.caption ?? ''),
				createdAt: iso(p.fields.createdAt),
				url: held.has(sha256) ? blobUrl(space.id, sha256) : null
			};
		})
		.sort(
			(a, b) =>
				order.get(a.activity)! - order.get(b.activity)! ||
				a.createdAt.localeCompare(b.createdAt) ||
				(a.id < b.id ? -1 : 1)
		);
	const answers = of('answer');
	const results = activities.map((a) => {
		const fields = a.fields;
		const mine = answers.filter((x) => x.fields.activity === a.id);
		const values = mine.map((x) => ({ value: String(x.fields.value) }));
		const activity = {
			kind: fields.kind as 'poll',
			options: String(fields.options),
			multiple: fields.multiple === true,
			scale: Number(fields.scale)
		};
		const base = { activity: a.id, kind: String(fields.kind), prompt: String(fields.prompt) };
		switch (fields.kind) {
			case 'dot-vote':
				return { ...base, votes: voteResults(votes, a.id, resolve, names) };
			case 'poll':
				return { ...base, poll: pollResults(values, activity) };
			case 'rating':
				return { ...base, rating: ratingResults(values, activity) };
			case 'open-question':
				return { ...base, answers: values.map((x) => x.value) };
			default:
				return { ...base, notes: notes.filter((n) => n.activity === a.id).length };
		}
	});
	return {
		licence,
		dataCard: dataCard(space, language),
		languages: await languageSummary(db, space.id),
		activities: activities.map((a) => ({ id: a.id, ...publicActivity(a.fields) })),
		notes,
		clusters: clusters.map((c) => ({
			id: c.id,
			activity: String(c.fields.activity),
			name: String(c.fields.name),
			shownIn: resolve(c.id)
		})),
		photos,
		results
	};
}

function publicActivity(fields: Fields) {
	const { kind, prompt, position, status, dots, maxPerItem, target, multiple, scale, scaleKind } =
		fields;
	return {
		kind,
		prompt,
		position,
		status,
		categories: parseOptions(String(fields.categories)) ?? [],
		dots,
		maxPerItem,
		target,
		options: parseOptions(String(fields.options)) ?? [],
		multiple,
		scale,
		scaleKind
	};
}

/** A dot vote's ranking, votes on merged clusters counted for the cluster they went into. */
function voteResults(
	votes: { activity: string; item: string; count: number }[],
	activity: string,
	resolve: (id: string) => string,
	names: Map<string, string>
): (TallyEntry & { cluster: string })[] {
	const inActivity = votes.filter((v) => v.activity === activity);
	return tally(inActivity, resolve).map((entry) => ({
		...entry,
		cluster: names.get(entry.item) ?? ''
	}));
}

export const csvColumns = [
	'activity',
	'activity_prompt',
	'cluster',
	'category',
	'text',
	'language',
	'votes',
	'cluster_votes',
	'hidden',
	'created_at',
	'updated_at'
] as const;

/** What each CSV column holds, for the data card. */
export const csvColumnDescriptions: Record<(typeof csvColumns)[number], string> = {
	activity: 'Id of the brainstorm the note was posted in',
	activity_prompt: 'The question of that brainstorm',
	cluster: 'Name of the cluster the facilitators put the note in (merged clusters resolved)',
	category: 'Category id the note was given, if any',
	text: 'The note',
	language: 'Language the note was written in',
	votes: 'Dots placed on the note itself in dot votes',
	cluster_votes:
		"Dots placed on the note's cluster in dot votes (the same for every note of the cluster; " +
		'0 when the note is in none)',
	hidden: 'Always false: notes hidden by moderators are left out',
	created_at: 'When the note was written (UTC)',
	updated_at: 'When the hub last stored a change to it (UTC)'
};

export function notesCsv(notes: ExportNote[]): string {
	const data = notes.map((n) => [
		n.activity,
		n.activityPrompt,
		n.clusterName,
		n.category,
		n.text,
		n.language,
		n.votes,
		n.clusterVotes,
		n.hidden,
		n.createdAt,
		n.updatedAt
	]);
	// Cells starting with = + - @ are escaped, so a spreadsheet never runs a note as a formula.
	return Papa.unparse({ fields: [...csvColumns], data }, { escapeFormulae: true, newline: '\r\n' });
}

const file = (space: string, ext: string) => `attachment; filename="${space}-workshop.${ext}"`;

/** GET /api/v1/spaces/<id>/export.csv[?language=<code>] */
export async function handleExportCsv(request: Request, id: string, ctx: Ctx): Promise<Response> {
	try {
		const language = languageParam(request);
		const space = await requireManagedSpace(ctx, id);
		const data = await workshopExport(ctx.hub.db, space, language);
		return new Response(notesCsv(data.notes), {
			headers: {
				'content-type': 'text/csv; charset=utf-8',
				'content-disposition': file(space.id, 'csv'),
				'cache-control': 'no-store',
				link: `</api/v1/spaces/${space.id}/export.datacard.json>; rel="describedby"`
			}
		});
	} catch (error) {
		return toErrorResponse(error);
	}
}

function jsonFile(body: unknown, disposition: string): Response {
	return new Response(JSON.stringify(body, null, '\t'), {
		headers: {
			'content-type': 'application/json; charset=utf-8',
			'content-disposition': disposition,
			'cache-control': 'no-store'
		}
	});
}

/** GET /api/v1/spaces/<id>/export.json[?language=<code>] */
export async function handleExportJson(request: Request, id: string, ctx: Ctx): Promise<Response> {
	try {
		const language = languageParam(request);
		const space = await requireManagedSpace(ctx, id);
		return jsonFile(await workshopExport(ctx.hub.db, space, language), file(space.id, 'json'));
	} catch (error) {
		return toErrorResponse(error);
	}
}

/** GET /api/v1/spaces/<id>/export.datacard.json */
export async function handleExportDataCard(id: string, ctx: Ctx): Promise<Response> {
	try {
		const space = await requireManagedSpace(ctx, id);
		const body =
			space.kind === 'map'
				? await mapDataCardExport(ctx.hub.db, space)
				: {
						licence,
						dataCard: dataCard(space),
						columns: csvColumns,
						columnDescriptions: csvColumnDescriptions,
						parameters: { language: languageParamDescription },
						summaries: { languages: languageSummaryDescription }
					};
		return jsonFile(body, `inline; filename="${space.id}-datacard.json"`);
	} catch (error) {
		return toErrorResponse(error);
	}
}
