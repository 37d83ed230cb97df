import { describe, expect, it } from 'vitest';
import {
	buildIndex,
	clusterLabel,
	clusterMaxZoom,
	clusterSize,
	expansionZoom,
	paddedBBox,
	visibleItems,
	type BBox
} from '$lib/ui/map/clusters';
import type { IdeaPoint } from '$lib/ui/map/ideas';

const world: BBox = [-180, -85, 180, 85];

function points(count: number, spread = 0.01): IdeaPoint[] {
	return Array.from({ length: count }, (_, i) => ({
		type: 'Feature',
		geometry: {
			type: 'Point',
			coordinates: [
				13.4 + ((i * 7919) % 1000) * (spread / 1000),
				52.5 + ((i * 104729) % 1000) * (spread / 1000)
			]
		},
		properties: { id: `idea-${i}`, category: i % 2 ? 'tree' : 'bench', mine: i < 3 }
	}));
}

describe('cluster index', () => {
	it('groups close ideas into counted clusters at low zoom, keeping every idea', () => {
		const index = buildIndex(points(10_000));
		const items = visibleItems(index, world, 10);
		const total = items.reduce((sum, item) => sum + (item.kind === 'cluster' ? item.count : 1), 0);
		expect(total).toBe(10_000);
		expect(items.length).toBeLessThan(50);
		expect(items.some((item) => item.kind === 'cluster' && item.mine)).toBe(true);
	});

	it('shows single ideas with their category past the cluster zoom', () => {
		const index = buildIndex(points(5, 0.5));
		const items = visibleItems(index, world, clusterMaxZoom + 1);
		expect(items).toHaveLength(5);
		expect(items.every((item) => item.kind === 'idea')).toBe(true);
		expect(items.find((item) => item.kind === 'idea' && item.id === 'idea-1')).toMatchObject({
			category: 'tree',
			mine: true
		});
	});

	it('only answers for the asked box', () => {
		const index = buildIndex(points(100));
		expect(visibleItems(index, [0, 0, 1, 1], 12)).toEqual([]);
	});

	it('zooms into a cluster to where it falls apart', () => {
		const index = buildIndex(points(200));
		const cluster = visibleItems(index, world, 5).find((item) => item.kind === 'cluster');
		expect(cluster?.kind).toBe('cluster');
		if (cluster?.kind !== 'cluster') return;
		const zoom = expansionZoom(index, cluster.id);
		expect(zoom).toBeGreaterThan(5);
		expect(zoom).toBeLessThanOrEqual(clusterMaxZoom + 1);
	});
});

describe('cluster drawing', () => {
	it('labels counts briefly and sizes circles slowly', () => {
		expect(clusterLabel(7)).toBe('7');
		expect(clusterLabel(999)).toBe('999');
		expect(clusterLabel(1_250)).toBe('1.2k');
		expect(clusterLabel(12_900)).toBe('12k');
		expect(clusterSize(1)).toBe(14);
		expect(clusterSize(10_000)).toBe(38);
	});

	it('pads the view and clamps it to the world', () => {
		expect(paddedBBox([0, 0, 4, 2])).toEqual([-1, -0.5, 5, 2.5]);
		expect(paddedBBox([-179, -85, 179, 85])).toEqual([-180, -85.06, 180, 85.06]);
	});
});
