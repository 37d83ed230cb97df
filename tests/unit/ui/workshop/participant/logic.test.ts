import { describe, expect, it } from 'vitest';
import {
	chosenIds,
	pollValue,
	ratingValue,
	scaleSteps,
	scoresOf,
	themeKey,
	toggleChoice,
	voteItems
} from '$lib/ui/workshop/participant/logic';

const options = [
	{ id: 'a', label: 'Bus' },
	{ id: 'b', label: 'Bike' },
	{ id: 'c', label: 'Walk' }
];

const note = (id: string, text: string, cluster = '') => ({ id, fields: { text, cluster } });
const cluster = (id: string, name: string, mergedInto = '') => ({
	id,
	fields: { name, mergedInto }
});

describe('themeKey', () => {
	it('translates preset themes only when the label is the id', () => {
		expect(themeKey({ id: 'mobility', label: 'mobility' })).toBe('themes.mobility');
		expect(themeKey({ id: 'mobility', label: 'Getting around' })).toBeUndefined();
		expect(themeKey({ id: 'parks', label: 'parks' })).toBeUndefined();
	});
});

describe('voteItems', () => {
	it('offers live clusters with notes, then the notes in no cluster, each idea once', () => {
		const notes = [
			note('n1', 'Trees', 'c1'),
			note('n2', 'Benches', 'c2'),
			note('n3', 'Bike lane'),
			note('n4', 'Lost', 'gone')
		];
		const clusters = [cluster('c1', 'Green'), cluster('c2', 'Seats', 'c1'), cluster('c3', 'Empty')];
		expect(voteItems(notes, clusters)).toEqual([
			{ id: 'c1', label: 'Green', kind: 'cluster' },
			{ id: 'n3', label: 'Bike lane', kind: 'note' },
			{ id: 'n4', label: 'Lost', kind: 'note' }
		]);
	});
});

describe('poll values', () => {
	it('keeps one choice for single choice and many for multiple', () => {
		expect(toggleChoice(['a'], 'b', false)).toEqual(['b']);
		expect(toggleChoice(['a'], 'b', true)).toEqual(['a', 'b']);
		expect(toggleChoice(['a', 'b'], 'a', true)).toEqual(['b']);
	});

	it('writes the chosen ids in option order and reads them back', () => {
		const value = pollValue(['c', 'a'], options);
		expect(value).toBe('["a","c"]');
		expect(chosenIds(value)).toEqual(['a', 'c']);
		expect(chosenIds('not json')).toEqual([]);
		expect(chosenIds(undefined)).toEqual([]);
	});
});

describe('rating values', () => {
	it('writes only rated items and reads them back', () => {
		const value = ratingValue({ c: 2, a: 5 }, options);
		expect(value).toBe('{"a":5,"c":2}');
		expect(scoresOf(value)).toEqual({ a: 5, c: 2 });
		expect(ratingValue({}, options)).toBe('{}');
		expect(scoresOf('[1]')).toEqual({});
	});

	it('lists the steps of a scale', () => {
		expect(scaleSteps(5)).toEqual([1, 2, 3, 4, 5]);
		expect(scaleSteps(0)).toEqual([]);
	});
});
