import { describe, expect, it } from 'vitest';
import { mapLimits, parseGeometry, type Position } from '$lib/domain/records';
import {
	addVertex,
	changeKind,
	draftGeometry,
	draftProblem,
	emptyDraft,
	formatPositions,
	geometryDraft,
	parseCoordinate,
	parsePositions,
	undoVertex
} from '$lib/ui/map/draft';

const a: Position = [13.4, 52.5];
const b: Position = [13.41, 52.5];
const c: Position = [13.41, 52.51];

describe('drawing', () => {
	it('a point is replaced by the next tap, rounded to 6 decimals', () => {
		let draft = addVertex(emptyDraft('Point'), [13.123456789, 52.987654321]);
		draft = addVertex(draft, a);
		expect(draft.positions).toEqual([a]);
		expect(addVertex(emptyDraft(), [13.123456789, 52.987654321]).positions).toEqual([
			[13.123457, 52.987654]
		]);
		expect(draftGeometry(draft)).toEqual({ type: 'Point', coordinates: a });
	});

	it('a route needs two vertices; undo takes the last back', () => {
		let draft = addVertex(emptyDraft('LineString'), a);
		expect(draftProblem(draft)).toBe('needs-two');
		expect(draftGeometry(draft)).toBeUndefined();
		draft = addVertex(draft, b);
		expect(draftGeometry(draft)).toEqual({ type: 'LineString', coordinates: [a, b] });
		draft = undoVertex(draft);
		expect(draft.positions).toEqual([a]);
	});

	it('an area needs three distinct vertices and comes out closed and valid', () => {
		let draft = [a, b, a].reduce(addVertex, emptyDraft('Polygon'));
		expect(draftProblem(draft)).toBe('needs-three');
		draft = addVertex(undoVertex(draft), c);
		const geometry = draftGeometry(draft)!;
		expect(geometry).toEqual({ type: 'Polygon', coordinates: [[a, b, c, a]] });
		expect(parseGeometry(JSON.stringify(geometry))).toEqual(geometry);
		expect(geometryDraft(geometry)).toEqual({ kind: 'Polygon', positions: [a, b, c] });
	});

	it('an empty draft needs a point; switching kinds keeps what fits', () => {
		expect(draftProblem(emptyDraft())).toBe('needs-point');
		const line = [a, b].reduce(addVertex, emptyDraft('LineString'));
		expect(changeKind(line, 'Point').positions).toEqual([a]);
		expect(changeKind(line, 'Polygon')).toEqual({ kind: 'Polygon', positions: [a, b] });
	});

	it('stops adding vertices at the domain limit', () => {
		let draft = emptyDraft('LineString');
		for (let i = 0; i < mapLimits.positions + 5; i++) draft = addVertex(draft, [i / 1000, 0]);
		expect(draft.positions).toHaveLength(mapLimits.positions - 1);
		expect(parseGeometry(JSON.stringify(draftGeometry(draft)))).toBeDefined();
	});
});

describe('coordinates as text', () => {
	it('formats one "lat, lng" per line and reads it back', () => {
		const text = formatPositions([a, b]);
		expect(text).toBe('52.5, 13.4\n52.5, 13.41');
		expect(parsePositions(text)).toEqual({ ok: true, positions: [a, b] });
	});

	it('reads decimal commas with a semicolon, spaces and blank lines', () => {
		expect(parsePositions('52,5; 13,4\n\n52.5 13.41\n')).toEqual({ ok: true, positions: [a, b] });
		expect(parseCoordinate(' -12,75 ')).toBe(-12.75);
		expect(parseCoordinate('12e3')).toBeUndefined();
	});

	it('says which line is wrong and why', () => {
		expect(parsePositions('52.5, 13.4\nnorth of the bridge')).toEqual({
			ok: false,
			line: 2,
			reason: 'format'
		});
		expect(parsePositions('95, 13.4')).toEqual({ ok: false, line: 1, reason: 'range' });
		expect(parsePositions('52, 181')).toEqual({ ok: false, line: 1, reason: 'range' });
		const many = Array.from({ length: mapLimits.positions }, (_, i) => `1, ${i / 1000}`).join('\n');
		expect(parsePositions(many)).toMatchObject({ ok: false, reason: 'too-many' });
	});
});
