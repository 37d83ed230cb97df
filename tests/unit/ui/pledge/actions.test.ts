import { describe, expect, it } from 'vitest';
import type { PledgeActionFields } from '$lib/domain/records';
import { actionsByTheme, findAction, overlapping } from '$lib/ui/pledge/actions';

const fields: PledgeActionFields = {
	theme: 'mobility',
	title: '{"de":"Teile dein Auto","fr":"Partagez votre voiture"}',
	description: '{"de":"Mit den Nachbarn."}',
	commitment: '{"de":"Tage pro Woche"}',
	figure: 0.5,
	source: 'Stadt Beispiel (2026)',
	unit: 'days-per-week',
	levelMin: 1,
	levelMax: 7,
	levelStep: 1,
	levelReference: 7,
	overlap: 'car',
	createdAt: 1
};
const local = { ref: 'local:0190a3c4-0000-7000-8000-000000000001', fields };

describe('actionsByTheme', () => {
	it('groups the catalogue by theme in order and puts local actions in their theme', () => {
		const groups = actionsByTheme([local], 'en', ['fr', 'de']);
		expect(groups.map((g) => g.theme)).toEqual(['mobility', 'home-energy', 'food', 'consumption']);
		const mobility = groups[0]!.actions;
		expect(mobility[0]?.ref).toBe('car-free');
		expect(mobility.at(-1)).toMatchObject({ ref: local.ref, figure: 0.5, overlap: 'car' });
		expect(mobility.at(-1)?.source).toEqual({ citation: 'Stadt Beispiel (2026)', doi: null });
	});

	it("picks a local text in the reader's language, else the space's languages in order", () => {
		const [mobility] = actionsByTheme([local], 'de', ['fr']);
		expect(mobility!.actions.at(-1)?.local?.title).toEqual({
			text: 'Teile dein Auto',
			language: 'de',
			fallback: false
		});
		const [again] = actionsByTheme([local], 'en', ['fr', 'de']);
		expect(again!.actions.at(-1)?.local?.title).toMatchObject({ language: 'fr', fallback: true });
	});

	it('offers only the campaign themes from the catalogue, local actions always', () => {
		const groups = actionsByTheme([local], 'en', [], ['food']);
		expect(groups.map((g) => g.theme)).toEqual(['mobility', 'food']);
		expect(groups[0]!.actions.map((a) => a.ref)).toEqual([local.ref]);
	});
});

describe('findAction and overlapping', () => {
	it('finds catalogue and local actions, not unknown ones', () => {
		expect(findAction('car-free', [], 'en', [])?.source.doi).toBe('10.1088/1748-9326/aa7541');
		expect(findAction(local.ref.toUpperCase(), [local], 'en', ['de'])?.local).not.toBeNull();
		expect(findAction('teleport', [local], 'en', [])).toBeUndefined();
	});

	it('lists the other actions of the overlap group, none for an action without one', () => {
		const groups = actionsByTheme([local], 'en', []);
		const carFree = findAction('car-free', [local], 'en', [])!;
		const others = overlapping(carFree, groups).map((a) => a.ref);
		expect(others).toContain('electric-car');
		expect(others).toContain(local.ref);
		expect(others).not.toContain('car-free');
		expect(overlapping(findAction('recycle', [], 'en', [])!, groups)).toEqual([]);
	});
});
