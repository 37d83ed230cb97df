/**
 * The cluster index of an idea map: every idea's centre in a `supercluster` index, asked for
 * what one view shows (clusters with counts, and single ideas) when the map stops moving.
 * Ten thousand ideas are indexed in tens of milliseconds and a view then holds a few hundred
 * items at most, so the map draws a bounded number of shapes whatever the space holds.
 */
import Supercluster from 'supercluster';
import type { Position } from '$lib/domain/records';
import type { IdeaPoint, IdeaPointProperties } from './ideas';

interface ClusterProperties {
	/** How many of the cluster's ideas are this person's. */
	mine: number;
}

export type IdeaIndex = Supercluster<IdeaPointProperties, ClusterProperties>;

/** Above this zoom every idea stands alone (people tap single pins there). */
export const clusterMaxZoom = 16;
/** The cluster radius in pixels: pins closer than this on screen merge. */
export const clusterRadius = 48;

export function buildIndex(points: IdeaPoint[]): IdeaIndex {
	const index: IdeaIndex = new Supercluster({
		radius: clusterRadius,
		maxZoom: clusterMaxZoom,
		map: (properties) => ({ mine: properties.mine ? 1 : 0 }),
		reduce: (accumulated, properties) => {
			accumulated.mine += properties.mine;
		}
	});
	return index.load(points);
}

export interface VisibleCluster {
	kind: 'cluster';
	id: number;
	count: number;
	position: Position;
	mine: boolean;
}

export interface VisibleIdea {
	kind: 'idea';
	id: string;
	position: Position;
	category: string;
	mine: boolean;
}

export type VisibleItem = VisibleCluster | VisibleIdea;

/** [west, south, east, north] in degrees, as supercluster takes it. */
export type BBox = [west: number, south: number, east: number, north: number];

/** What a view of `bbox` at `zoom` shows: clusters first, then single ideas. */
export function visibleItems(index: IdeaIndex, bbox: BBox, zoom: number): VisibleItem[] {
	const clusters: VisibleCluster[] = [];
	const ideas: VisibleIdea[] = [];
	for (const feature of index.getClusters(bbox, Math.round(zoom))) {
		const position = feature.geometry.coordinates as Position;
		const properties = feature.properties;
		if ('cluster' in properties && properties.cluster)
			clusters.push({
				kind: 'cluster',
				id: properties.cluster_id,
				count: properties.point_count,
				position,
				mine: properties.mine > 0
			});
		else {
			const idea = properties as IdeaPointProperties;
			ideas.push({ kind: 'idea', id: idea.id, position, category: idea.category, mine: idea.mine });
		}
	}
	return [...clusters, ...ideas];
}

/** The zoom at which a cluster falls apart (where a tap on it zooms to). */
export function expansionZoom(index: IdeaIndex, cluster: number): number {
	return Math.min(index.getClusterExpansionZoom(cluster), clusterMaxZoom + 1);
}

/** A cluster's circle radius in pixels: grows with the count, slowly. */
export function clusterSize(count: number): number {
	return Math.round(14 + Math.log10(Math.max(count, 1)) * 6);
}

/** A count as a cluster shows it: 1–999, then "1.2k", "12k". */
export function clusterLabel(count: number): string {
	if (count < 1000) return String(count);
	const thousands = count / 1000;
	return `${thousands < 10 ? Math.floor(thousands * 10) / 10 : Math.floor(thousands)}k`;
}

/**
 * The box to ask for: the view grown by `pad` of its size on each side (so a small pan
 * shows what is just beyond the edge at once), clamped to the world.
 */
export function paddedBBox(bbox: BBox, pad = 0.25): BBox {
	const [west, south, east, north] = bbox;
	const dx = (east - west) * pad;
	const dy = (north - south) * pad;
	return [
		Math.max(-180, west - dx),
		Math.max(-85.06, south - dy),
		Math.min(180, east + dx),
		Math.min(85.06, north + dy)
	];
}
