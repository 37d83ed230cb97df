/**
 * GET /api/v1/spaces/<space>/export.geojson: the visible ideas of a map space as an RFC 7946
 * FeatureCollection, with the licence, data card and languages summary as foreign members.
 * Staff only, as the workshop exports: an export is meant to be published, and the staff
 * decide when. `?language=<code>` keeps only the ideas (and counted comments) in that language.
 */
import { PlazaError } from '$lib/domain/errors';
import type { MapSettings } from '$lib/domain/map';
import type { IdeaGeometry } from '$lib/domain/records/map';
import type { Queryable } from '../db/client';
import { toErrorResponse } from '../http';
import type { Ctx } from '../http/context';
import { requireManagedSpace } from '../spaces/handlers';
import type { SpaceRow } from '../spaces/views';
import { geojsonProperties, licence, mapDataCard, type DataCard } from './datacard';
import {
	languageParam,
	languageParamDescription,
	languageSummary,
	languageSummaryDescription,
	type LanguageCount
} from './languages';
import { blobUrl, mapIdeas } from './map-ideas';

export interface IdeaFeature {
	type: 'Feature';
	id: string;
	geometry: IdeaGeometry | null;
	properties: {
		id: string;
		title: string;
		description: string;
		category: string;
		categoryLabel: string;
		support: number;
		comments: number;
		language: string;
		createdAt: string;
		updatedAt: string;
		photos: string[];
	};
}

export interface IdeaCollection {
	type: 'FeatureCollection';
	licence: string;
	dataCard: DataCard;
	/** Per language, over the whole space whatever the filter. */
	languages: LanguageCount[];
	features: IdeaFeature[];
}

/** A map space's settings, or 404 for a space of another kind. */
export function requireMap(space: SpaceRow): MapSettings {
	if (space.kind !== 'map' || !space.map)
		throw new PlazaError('not-found', 'This space has no map.', 404);
	return space.map;
}

export async function ideaCollection(
	db: Queryable,
	space: SpaceRow,
	origin: string,
	language?: string
): Promise<IdeaCollection> {
	const map = requireMap(space);
	const labels = new Map(map.categories.map((c) => [c.id, c.label]));
	const ideas = await mapIdeas(db, space.id, { language });
	const features = ideas.map((idea): IdeaFeature => ({
		type: 'Feature',
		id: idea.id,
		geometry: idea.geometry,
		properties: {
			id: idea.id,
			title: idea.title,
			description: idea.text,
			category: idea.category,
			categoryLabel: labels.get(idea.category) ?? '',
			support: idea.support,
			comments: idea.comments,
			language: idea.language,
			createdAt: idea.createdAt,
			updatedAt: idea.updatedAt,
			photos: idea.photos.map((sha256) => blobUrl(origin, space.id, sha256))
		}
	}));
	return {
		type: 'FeatureCollection',
		licence,
		dataCard: mapDataCard(
			space,
			map,
			ideas.map((idea) => idea.createdAt),
			language
		),
		languages: await languageSummary(db, space.id),
		features
	};
}

/**
 * What `export.datacard.json` answers for a map space: the licence, the data card and the
 * properties of each Feature (the route's handler is the workshop export's; it may dispatch
 * map spaces here).
 */
export async function mapDataCardExport(db: Queryable, space: SpaceRow) {
	const map = requireMap(space);
	const ideas = await mapIdeas(db, space.id);
	const created = ideas.map((idea) => idea.createdAt);
	return {
		licence,
		dataCard: mapDataCard(space, map, created),
		properties: geojsonProperties,
		parameters: { language: languageParamDescription },
		summaries: { languages: languageSummaryDescription }
	};
}

/** GET /api/v1/spaces/<id>/export.geojson */
export async function handleExportGeojson(
	request: Request,
	id: string,
	ctx: Ctx
): Promise<Response> {
	try {
		const language = languageParam(request);
		const space = await requireManagedSpace(ctx, id);
		const origin = new URL(request.url).origin;
		const body = await ideaCollection(ctx.hub.db, space, origin, language);
		return new Response(JSON.stringify(body, null, '\t'), {
			headers: {
				'content-type': 'application/geo+json; charset=utf-8',
				'content-disposition': `attachment; filename="${space.id}-ideas.geojson"`,
				'cache-control': 'no-store'
			}
		});
	} catch (error) {
		return toErrorResponse(error);
	}
}
