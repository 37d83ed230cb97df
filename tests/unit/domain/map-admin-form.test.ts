import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { MapSettingsSchema } from '../../../src/lib/domain/map';
import {
	boundaryCorners,
	categoryId,
	defaultMapSettings,
	drawnBoundary,
	fromLocalInput,
	mapFormInput,
	moveItem,
	newCategory,
	parseBoundary,
	parseCoordinate,
	toLocalInput,
	validateMapForm
} from '../../../src/lib/ui/map-admin/map-form';

const ring = [
	[12.12, 54.08],
	[12.16, 54.08],
	[12.16, 54.1],
	[12.12, 54.08]
];
const polygon = { type: 'Polygon', coordinates: [ring] };
const multi = { type: 'MultiPolygon', coordinates: [[ring], [ring]] };
const feature = (geometry: unknown) => ({ type: 'Feature', properties: { name: 'x' }, geometry });

describe('defaultMapSettings', () => {
	it('is valid settings: the typed centre, zoom 13, one category, no boundary or period', () => {
		const settings = defaultMapSettings({ lat: 54.09, lng: 12.14 }, 'Idee');
		expect(v.is(MapSettingsSchema, settings)).toBe(true);
		expect(settings).toMatchObject({ zoom: 13, boundary: null, opensAt: null, closesAt: null });
		expect(settings.categories).toEqual([
			{ id: 'idea', label: 'Idee', colour: '#1f6f4a', icon: 'pin' }
		]);
	});
});

describe('parseCoordinate', () => {
	it('reads a dot or a comma as the decimal mark, and nothing else', () => {
		expect(parseCoordinate(' 54.0887 ')).toBe(54.0887);
		expect(parseCoordinate('54,0887')).toBe(54.0887);
		expect(parseCoordinate('-12')).toBe(-12);
		for (const text of ['', 'north', '54.1.2', '1e3', '54°'])
			expect(parseCoordinate(text)).toBeNaN();
	});
});

describe('parseBoundary', () => {
	it('takes a Polygon, a MultiPolygon, a Feature and a FeatureCollection with one area', () => {
		for (const json of [
			polygon,
			multi,
			feature(polygon),
			{
				type: 'FeatureCollection',
				features: [feature({ type: 'Point', coordinates: [12.13, 54.09] }), feature(multi)]
			}
		]) {
			const result = parseBoundary(JSON.stringify(json));
			expect(result.ok, JSON.stringify(json)).toBe(true);
		}
		const one = parseBoundary(
			JSON.stringify({ type: 'FeatureCollection', features: [feature(polygon)] })
		);
		expect(one).toEqual({ ok: true, boundary: polygon });
	});

	it('drops altitudes, closes an open ring and leaves out foreign members', () => {
		const open = {
			type: 'Polygon',
			bbox: [12.12, 54.08, 12.16, 54.1],
			coordinates: [
				[
					[12.12, 54.08, 3],
					[12.16, 54.08, 4],
					[12.16, 54.1, 5],
					[12.12, 54.1, 6]
				]
			]
		};
		const result = parseBoundary(JSON.stringify(open));
		expect(result).toEqual({
			ok: true,
			boundary: {
				type: 'Polygon',
				coordinates: [
					[
						[12.12, 54.08],
						[12.16, 54.08],
						[12.16, 54.1],
						[12.12, 54.1],
						[12.12, 54.08]
					]
				]
			}
		});
	});

	it('says why anything else is refused', () => {
		const problem = (text: string) => {
			const result = parseBoundary(text);
			return result.ok ? 'ok' : result.problem;
		};
		expect(problem('   ')).toBe('empty');
		expect(problem('<kml></kml>')).toBe('notJson');
		expect(problem('[1, 2]')).toBe('notGeoJson');
		expect(problem('{"type": "Topology"}')).toBe('notGeoJson');
		expect(problem('{"type": "Point", "coordinates": [12, 54]}')).toBe('notArea');
		expect(problem(JSON.stringify(feature({ type: 'LineString', coordinates: ring })))).toBe(
			'notArea'
		);
		expect(problem(JSON.stringify(feature(null)))).toBe('notArea');
		expect(problem('{"type": "FeatureCollection", "features": []}')).toBe('noFeatures');
		expect(
			problem(JSON.stringify({ type: 'FeatureCollection', features: [feature(ring.length)] }))
		).toBe('notArea');
		expect(
			problem(
				JSON.stringify({
					type: 'FeatureCollection',
					features: [feature(polygon), feature(polygon)]
				})
			)
		).toBe('severalFeatures');
		expect(
			problem(
				JSON.stringify({
					type: 'Polygon',
					coordinates: [
						[
							[0, 0],
							[1, 1]
						]
					]
				})
			)
		).toBe('invalid');
		expect(
			problem(
				JSON.stringify({
					type: 'Polygon',
					coordinates: [
						[
							[0, 0],
							[200, 0],
							[1, 1],
							[0, 0]
						]
					]
				})
			)
		).toBe('invalid');
		expect(problem(JSON.stringify({ type: 'Polygon', coordinates: 'here' }))).toBe('invalid');
	});
});

describe('drawnBoundary', () => {
	it('closes the tapped corners into a polygon of [lng, lat] positions', () => {
		expect(
			drawnBoundary([
				[54.08, 12.12],
				[54.08, 12.16]
			])
		).toBeUndefined();
		const drawn = drawnBoundary([
			[54.08, 12.12],
			[54.08, 12.16],
			[54.1, 12.16]
		])!;
		expect(drawn).toEqual({ type: 'Polygon', coordinates: [ring] });
		expect(
			v.is(MapSettingsSchema, { ...defaultMapSettings({ lat: 0, lng: 0 }, 'x'), boundary: drawn })
		).toBe(true);
		expect(boundaryCorners(drawn)).toBe(3);
		expect(boundaryCorners(multi as never)).toBe(6);
	});
});

describe('categories', () => {
	it('makes ids from labels: lowercase, dashes, no accents, unique', () => {
		expect(categoryId('Grünflächen & Bäume', [])).toBe('grunflachen-baume');
		expect(categoryId('Straße', [])).toBe('strasse');
		expect(categoryId('Idea', ['idea', 'idea-2'])).toBe('idea-3');
		expect(categoryId('!!!', [])).toBe('category');
		expect(categoryId('自転車', ['category'])).toBe('category-2');
		expect(categoryId('x'.repeat(80), [])).toHaveLength(32);
		const category = newCategory('Solar', [
			{ id: 'solar', label: 'Solar', colour: '#000000', icon: 'sun' }
		]);
		expect(category).toEqual({ id: 'solar-2', label: 'Solar', colour: '#1f6f4a', icon: 'pin' });
	});

	it('moves an item up or down and leaves the ends alone', () => {
		expect(moveItem(['a', 'b', 'c'], 1, -1)).toEqual(['b', 'a', 'c']);
		expect(moveItem(['a', 'b', 'c'], 1, 1)).toEqual(['a', 'c', 'b']);
		expect(moveItem(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
		expect(moveItem(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
	});
});

describe('the open period in local time', () => {
	it('turns datetime-local values into instants and back', () => {
		expect(fromLocalInput('')).toBeNull();
		expect(fromLocalInput('soon')).toBeUndefined();
		expect(fromLocalInput('2027-02-30T10:00')).toBeUndefined();
		const iso = fromLocalInput('2027-05-01T09:30')!;
		expect(new Date(iso).getHours()).toBe(9);
		expect(new Date(iso).getMinutes()).toBe(30);
		expect(toLocalInput(iso)).toBe('2027-05-01T09:30');
		expect(toLocalInput(null)).toBe('');
	});
});

describe('validateMapForm', () => {
	const settings = defaultMapSettings({ lat: 54.09, lng: 12.14 }, 'Idea');

	it('gives back the settings it was made from', () => {
		const result = validateMapForm(mapFormInput({ ...settings, boundary: polygon as never }));
		expect(result).toEqual({ success: true, output: { ...settings, boundary: polygon } });
	});

	it('puts each problem at its field', () => {
		const input = {
			...mapFormInput(settings),
			lat: '91',
			lng: 'east',
			zoom: '20',
			categories: [{ ...settings.categories[0]!, label: '  ' }]
		};
		const result = validateMapForm(input);
		expect(result.success).toBe(false);
		const errors = result.success ? {} : result.errors;
		expect(Object.keys(errors).sort()).toEqual(
			['categories.0.label', 'center.lat', 'center.lng', 'zoom'].sort()
		);
		const none = validateMapForm({ ...mapFormInput(settings), categories: [] });
		expect(none.success ? {} : none.errors).toHaveProperty('categories');
	});

	it('shows a period that ends before it starts at the closing time', () => {
		const result = validateMapForm({
			...mapFormInput(settings),
			opensAt: '2027-06-01T10:00',
			closesAt: '2027-05-01T10:00'
		});
		expect(result.success ? {} : result.errors).toEqual({
			closesAt: { key: 'mapAdmin.period.order' }
		});
		const bad = validateMapForm({ ...mapFormInput(settings), opensAt: '2027-13-01T10:00' });
		expect(bad.success ? {} : bad.errors).toHaveProperty('opensAt');
	});
});
