import { describe, expect, it } from 'vitest';
import type { MapCategory } from '$lib/domain/map';
import type { IdeaGeometry, Position } from '$lib/domain/records';
import {
	categoryStyle,
	distanceFrom,
	filterIdeas,
	ideaCentre,
	ideaPoints,
	placeChoices,
	roundDistance,
	sortIdeas,
	textColourOn,
	type IdeaLike
} from '$lib/ui/map/ideas';
import { addState } from '$lib/ui/map/period';

const categories: MapCategory[] = [
	{ id: 'tree', label: 'Trees', colour: '#1a7f37', icon: 'tree' },
	{ id: 'bench', label: 'Benches', colour: '#ffd33d', icon: 'bench' }
];

const point = (lng: number, lat: number): IdeaGeometry => ({
	type: 'Point',
	coordinates: [lng, lat]
});

let next = 0;
function idea(overrides: Partial<IdeaLike> & { category?: string; createdAt?: number } = {}) {
	const { category = 'tree', createdAt = 1000, ...rest } = overrides;
	const id = `idea-${String(next++).padStart(3, '0')}`;
	return {
		id,
		author: 'me',
		fields: { category, createdAt, title: id },
		geometry: point(13.4, 52.5),
		supports: 0,
		...rest
	} satisfies IdeaLike;
}

describe('filtering', () => {
	it('keeps the shown categories and ideas of a category the map no longer has', () => {
		const tree = idea({ category: 'tree' });
		const bench = idea({ category: 'bench' });
		const gone = idea({ category: 'removed' });
		expect(filterIdeas([tree, bench, gone], new Set(['bench']), categories)).toEqual([bench, gone]);
		expect(filterIdeas([tree, bench], new Set(), categories)).toEqual([]);
	});

	it('drops an idea without a readable geometry', () => {
		expect(filterIdeas([idea({ geometry: undefined })], new Set(['tree']), categories)).toEqual([]);
	});
});

describe('sorting', () => {
	const old = idea({ createdAt: 1, supports: 5, geometry: point(13.5, 52.5) });
	const recent = idea({ createdAt: 3, supports: 1, geometry: point(13.41, 52.5) });
	const middle = idea({ createdAt: 2, supports: 5, geometry: point(13.4, 52.5) });
	const all = [old, recent, middle];

	it('sorts by newest, then by support (ties newest first)', () => {
		expect(sortIdeas(all, 'newest').map((i) => i.id)).toEqual([recent.id, middle.id, old.id]);
		expect(sortIdeas(all, 'support').map((i) => i.id)).toEqual([middle.id, old.id, recent.id]);
	});

	it('sorts by distance from a position, and by newest without one', () => {
		const from: Position = [13.4, 52.5];
		expect(sortIdeas(all, 'distance', from).map((i) => i.id)).toEqual([
			middle.id,
			recent.id,
			old.id
		]);
		expect(sortIdeas(all, 'distance').map((i) => i.id)).toEqual([recent.id, middle.id, old.id]);
		expect(all.map((i) => i.id)).toEqual([old.id, recent.id, middle.id]);
	});

	it('measures distance to the centre of a route or an area', () => {
		const line: IdeaGeometry = {
			type: 'LineString',
			coordinates: [
				[0, 0],
				[0, 1],
				[0, 2]
			]
		};
		expect(ideaCentre({ geometry: line })).toEqual([0, 1]);
		// One degree of latitude is about 111.2 km.
		expect(distanceFrom({ geometry: line }, [0, 0])).toBeCloseTo(111_195, -2);
		expect(distanceFrom({ geometry: undefined }, [0, 0])).toBe(Infinity);
	});

	it('rounds distances as people read them', () => {
		expect(roundDistance(84)).toEqual({ value: 80, unit: 'm' });
		expect(roundDistance(995)).toEqual({ value: 1000, unit: 'm' });
		expect(roundDistance(1_260)).toEqual({ value: 1.3, unit: 'km' });
	});
});

describe('styling', () => {
	it('gives a category its colour and an unknown one a neutral grey', () => {
		expect(categoryStyle(categories, 'tree')).toMatchObject({ colour: '#1a7f37', icon: 'tree' });
		expect(categoryStyle(categories, 'nope')).toEqual({
			colour: '#6b7280',
			icon: 'pin',
			label: 'nope'
		});
	});

	it('picks the label colour with the better contrast', () => {
		expect(textColourOn('#ffd33d')).toBe('#000000');
		expect(textColourOn('#1f6f4a')).toBe('#ffffff');
		expect(textColourOn('#ffffff')).toBe('#000000');
		expect(textColourOn('#000000')).toBe('#ffffff');
	});
});

describe('index input and places', () => {
	it('makes one point per idea at its centre, marking mine', () => {
		const mine = idea({ author: 'me' });
		const theirs = idea({ author: 'them', category: 'bench', geometry: point(1, 2) });
		const broken = idea({ geometry: undefined });
		const points = ideaPoints([mine, theirs, broken], (i) => i.author === 'me');
		expect(points).toEqual([
			{
				type: 'Feature',
				geometry: { type: 'Point', coordinates: [13.4, 52.5] },
				properties: { id: mine.id, category: 'tree', mine: true }
			},
			{
				type: 'Feature',
				geometry: { type: 'Point', coordinates: [1, 2] },
				properties: { id: theirs.id, category: 'bench', mine: false }
			}
		]);
	});

	it('offers the centre, then ideas by title as places to pick, bounded', () => {
		const b = {
			...idea({ geometry: point(2, 3) }),
			fields: { category: 'tree', createdAt: 1, title: 'B' }
		};
		const a = {
			...idea({ geometry: point(4, 5) }),
			fields: { category: 'tree', createdAt: 1, title: 'A' }
		};
		const choices = placeChoices([b, a], [13.4, 52.5]);
		expect(choices.map((c) => [c.value, c.idea?.fields.title])).toEqual([
			['52.5,13.4', undefined],
			['5,4', 'A'],
			['3,2', 'B']
		]);
		expect(placeChoices([b, a], [0, 0], 1)).toHaveLength(2);
	});
});

describe('open period', () => {
	const at = (iso: string) => Date.parse(iso);
	const period = { opensAt: '2027-05-01T00:00:00Z', closesAt: '2027-06-01T00:00:00Z' };

	it('is open inside the period of an open space', () => {
		expect(addState('open', period, at('2027-05-10T00:00:00Z'))).toEqual({ open: true });
		expect(addState('open', { opensAt: null, closesAt: null }, 0)).toEqual({ open: true });
	});

	it('says why adding is not possible', () => {
		expect(addState('closed', period, at('2027-05-10T00:00:00Z'))).toEqual({
			open: false,
			reason: 'space-closed'
		});
		expect(addState('open', period, at('2027-04-01T00:00:00Z'))).toEqual({
			open: false,
			reason: 'not-yet',
			opensAt: at(period.opensAt)
		});
		expect(addState('open', period, at(period.closesAt))).toEqual({
			open: false,
			reason: 'ended',
			closedAt: at(period.closesAt)
		});
	});
});
