import { describe, expect, it } from 'vitest';
import { activityDefaults } from '$lib/domain/records';
import {
	draftOf,
	draftProblems,
	isPreset,
	optionsFromText,
	patchOf,
	presetCategories,
	reorder
} from '$lib/ui/workshop/staff/activity-form';

describe('options as lines', () => {
	it('keeps the id of an entry whose label is unchanged and makes new ids unique', () => {
		const before = [{ id: 'bike-lanes', label: 'Bike lanes' }];
		expect(optionsFromText('Bike lanes\n\n  Trees  \nTrees', before)).toEqual([
			{ id: 'bike-lanes', label: 'Bike lanes' },
			{ id: 'trees', label: 'Trees' },
			{ id: 'trees-2', label: 'Trees' }
		]);
	});

	it('gives text without letters or digits an id anyway', () => {
		expect(optionsFromText('???')[0]?.id).toBe('item');
		expect(optionsFromText('Grünflächen')[0]?.id).toBe('grunflachen');
	});

	it('marks the Cities Mission presets so the UI can translate them', () => {
		const presets = presetCategories();
		expect(presets.map((o) => o.id)).toContain('green-space');
		expect(presets.every(isPreset)).toBe(true);
		expect(isPreset({ id: 'energy', label: 'Solar roofs' })).toBe(false);
	});
});

describe('draftProblems', () => {
	const draft = (kind: Parameters<typeof activityDefaults>[0]) =>
		draftOf(activityDefaults(kind, 'What now?', 0, 1));

	it('asks a dot vote for a target and at most dots per item', () => {
		const vote = { ...draft('dot-vote'), maxPerItem: 9, dots: 5 };
		expect(draftProblems(vote)).toEqual(['maxPerItem', 'target']);
	});

	it('asks a poll for two choices and a rating for items', () => {
		expect(draftProblems(draft('poll'))).toEqual(['pollOptions']);
		expect(draftProblems(draft('rating'))).toEqual(['ratingItems']);
		expect(draftProblems({ ...draft('brainstorm'), prompt: '  ' })).toEqual(['prompt']);
		expect(draftProblems(draft('open-question'))).toEqual([]);
	});

	it('writes neutral values for the settings of other kinds', () => {
		const poll = { ...draft('poll'), dots: 7, categories: '[{"id":"x","label":"X"}]' };
		expect(patchOf(poll)).toMatchObject({ dots: 0, categories: '[]', scale: 0 });
	});
});

describe('reorder', () => {
	const list = (...positions: number[]) =>
		positions.map((position, i) => ({ id: `a${i}`, fields: { position } }));

	it('swaps with the neighbour and patches only what moved', () => {
		expect(reorder(list(0, 1, 2), 2, -1)).toEqual([
			{ id: 'a2', position: 1 },
			{ id: 'a1', position: 2 }
		]);
		expect(reorder(list(0, 1), 0, -1)).toEqual([]);
	});

	it('renumbers equal positions from two offline facilitators', () => {
		// a1 already sits at 0, so only the two that move are written.
		expect(reorder(list(0, 0, 0), 0, 1)).toEqual([
			{ id: 'a0', position: 1 },
			{ id: 'a2', position: 2 }
		]);
	});
});
