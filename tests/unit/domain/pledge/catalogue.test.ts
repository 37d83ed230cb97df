import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
	catalogue,
	isValidLevel,
	levelShare,
	levelUnits,
	overlapGroups,
	pledgeThemes,
	scaleEstimate,
	sources,
	type SourceId
} from '$lib/domain/pledge/catalogue';

const root = path.resolve(import.meta.dirname, '../../../..');
const reference = readFileSync(path.join(root, 'tests/fixtures/pledge-reference.md'), 'utf8');

/** The rows of each source's table in the reference: row label → cells after it. */
function referenceTables(): Map<SourceId, Map<string, string[]>> {
	const headings: Record<string, SourceId> = {
		'## Wynes & Nicholas 2017': 'wynes-nicholas-2017',
		'## Ivanova et al. 2020': 'ivanova-2020'
	};
	const tables = new Map<SourceId, Map<string, string[]>>();
	let current: Map<string, string[]> | undefined;
	for (const line of reference.split('\n')) {
		if (line.startsWith('## ')) {
			const source = headings[line.trim()];
			current = source ? new Map() : undefined;
			if (source && current) tables.set(source, current);
			continue;
		}
		if (!current || !line.startsWith('|') || line.startsWith('| ---')) continue;
		const cells = line
			.split('|')
			.slice(1, -1)
			.map((cell) => cell.trim());
		current.set(cells[0]!, cells.slice(1));
	}
	return tables;
}

const tables = referenceTables();
const columns = { 'wynes-nicholas-2017': { value: 0 }, 'ivanova-2020': { mean: 0, median: 1 } };

/** The leading number of a cell ("1.6 per flight" → 1.6), or undefined for "–". */
const leadingNumber = (cell: string) => {
	const match = /^−?\d+(?:\.\d+)?/.exec(cell);
	return match ? Number(match[0].replace('−', '-')) : undefined;
};

describe('the action catalogue', () => {
	it('reads both tables of the reference', () => {
		expect(tables.get('wynes-nicholas-2017')?.size).toBeGreaterThanOrEqual(10);
		expect(tables.get('ivanova-2020')?.size).toBeGreaterThanOrEqual(26);
	});

	for (const action of catalogue) {
		it(`${action.id}: its figure is the value printed in its cited row`, () => {
			const row = tables.get(action.figure.source)?.get(action.figure.row);
			expect(row, `row "${action.figure.row}"`).toBeDefined();
			const column = (columns[action.figure.source] as Record<string, number>)[
				action.figure.statistic
			];
			expect(column).toBeDefined();
			const cell = row![column!]!;
			// Rows the reference marks "check" are not used: their value is uncertain.
			expect(cell).not.toMatch(/check/);
			expect(leadingNumber(cell)).toBe(action.figure.value);
		});
	}

	it('cites each source with the DOI and licence the reference gives', () => {
		for (const source of Object.values(sources)) {
			expect(reference).toContain(`doi:${source.doi}`);
			expect(reference).toContain(source.licence);
		}
	});

	it('has unique ids, known themes, overlap groups and units, and sane scales', () => {
		expect(new Set(catalogue.map((a) => a.id)).size).toBe(catalogue.length);
		for (const action of catalogue) {
			expect(pledgeThemes).toContain(action.theme);
			expect(levelUnits).toContain(action.level.unit);
			if (action.overlap) expect(overlapGroups).toContain(action.overlap);
			expect(isValidLevel(action.level.initial, action.level)).toBe(true);
			expect(action.level.min).toBeLessThanOrEqual(action.level.max);
		}
		for (const theme of pledgeThemes)
			expect(catalogue.some((action) => action.theme === theme)).toBe(true);
	});

	it('has every action, theme, unit and overlap group in the English texts', () => {
		const en = JSON.parse(
			readFileSync(path.join(root, 'src/lib/i18n/locales/en.json'), 'utf8')
		).catalogue;
		expect(Object.keys(en.actions).sort()).toEqual(catalogue.map((a) => a.id).sort());
		for (const texts of Object.values(en.actions) as Record<string, string>[])
			expect(Object.keys(texts).sort()).toEqual(['commitment', 'description', 'title']);
		expect(Object.keys(en.themes).sort()).toEqual([...pledgeThemes].sort());
		expect(Object.keys(en.overlap).sort()).toEqual([...overlapGroups].sort());
		const units = new Set(Object.keys(en.levels).map((key) => key.replace(/_(one|other)$/, '')));
		expect([...units].sort()).toEqual([...levelUnits].sort());
	});
});

describe('scaling a figure by the person’s level', () => {
	const carFree = catalogue.find((a) => a.id === 'car-free')!;

	it('3 of 5 commuting days is 60% of the car-free figure', () => {
		expect(levelShare(3, carFree.level)).toBeCloseTo(0.6, 10);
		expect(scaleEstimate(carFree.figure.value, 3, carFree.level.reference)).toBeCloseTo(1.44, 10);
	});

	it('all 5 days is the whole published figure', () => {
		expect(scaleEstimate(2.4, 5, 5)).toBeCloseTo(2.4, 10);
	});

	it('counts flights one by one', () => {
		const flights = catalogue.find((a) => a.id === 'fewer-long-flights')!;
		expect(scaleEstimate(flights.figure.value, 2, flights.level.reference)).toBeCloseTo(3.2, 10);
	});

	it('reads "1–3 °C" as 2 °C and scales per degree', () => {
		const heating = catalogue.find((a) => a.id === 'lower-heating')!;
		expect(scaleEstimate(heating.figure.value, 2, heating.level.reference)).toBeCloseTo(0.1, 10);
		expect(scaleEstimate(heating.figure.value, 3, heating.level.reference)).toBeCloseTo(0.15, 10);
	});

	it('accepts only levels on the scale', () => {
		const scale = carFree.level;
		expect([1, 3, 5].map((level) => isValidLevel(level, scale))).toEqual([true, true, true]);
		expect([0, 6, 2.5, Number.NaN].map((level) => isValidLevel(level, scale))).toEqual([
			false,
			false,
			false,
			false
		]);
		expect(isValidLevel(0.75, { min: 0.5, max: 2, step: 0.25, reference: 1 })).toBe(true);
		expect(isValidLevel(0.8, { min: 0.5, max: 2, step: 0.25, reference: 1 })).toBe(false);
	});
});
