/**
 * The geometry being drawn in the idea form, as pure functions: a point, a route (a line) or
 * an area, built vertex by vertex from taps on the map, typed coordinates or "use my
 * location", with undo. Positions are GeoJSON [lng, lat]; people read and type "lat, lng".
 */
import { mapLimits, type IdeaGeometry, type Position } from '$lib/domain/records';

export type DraftKind = IdeaGeometry['type'];
export const draftKinds: readonly DraftKind[] = ['Point', 'LineString', 'Polygon'];

export interface Draft {
	kind: DraftKind;
	/** The vertices placed so far; an area's ring is closed only in `draftGeometry`. */
	positions: Position[];
}

export const emptyDraft = (kind: DraftKind = 'Point'): Draft => ({ kind, positions: [] });

/** Round to 6 decimals (about 10 cm): enough for a bench, and short in the record. */
export const roundCoordinate = (value: number) => Math.round(value * 1e6) / 1e6;

const rounded = ([lng, lat]: Position): Position => [roundCoordinate(lng), roundCoordinate(lat)];

/** A point is replaced; a line or area gets one more vertex (up to the limit). */
export function addVertex(draft: Draft, position: Position): Draft {
	if (draft.kind === 'Point') return { ...draft, positions: [rounded(position)] };
	if (draft.positions.length >= mapLimits.positions - 1) return draft;
	return { ...draft, positions: [...draft.positions, rounded(position)] };
}

/** Take the last vertex back. */
export function undoVertex(draft: Draft): Draft {
	return { ...draft, positions: draft.positions.slice(0, -1) };
}

/** Switch between point, route and area, keeping what fits (a point keeps the first vertex). */
export function changeKind(draft: Draft, kind: DraftKind): Draft {
	const positions = kind === 'Point' ? draft.positions.slice(0, 1) : draft.positions;
	return { kind, positions };
}

export type DraftProblem = 'needs-point' | 'needs-two' | 'needs-three';

/** Why the draft is not a geometry yet, or undefined when it is one. */
export function draftProblem(draft: Draft): DraftProblem | undefined {
	const distinct = new Set(draft.positions.map((p) => p.join(','))).size;
	if (draft.kind === 'Point') return distinct >= 1 ? undefined : 'needs-point';
	if (draft.kind === 'LineString') return distinct >= 2 ? undefined : 'needs-two';
	return distinct >= 3 ? undefined : 'needs-three';
}

/** The GeoJSON geometry of a finished draft (an area's ring closed), or undefined. */
export function draftGeometry(draft: Draft): IdeaGeometry | undefined {
	if (draftProblem(draft)) return undefined;
	const [first] = draft.positions;
	if (draft.kind === 'Point') return { type: 'Point', coordinates: first! };
	if (draft.kind === 'LineString') return { type: 'LineString', coordinates: draft.positions };
	const last = draft.positions.at(-1)!;
	const closed = last[0] === first![0] && last[1] === first![1];
	const ring = closed ? draft.positions : [...draft.positions, first!];
	return { type: 'Polygon', coordinates: [ring] };
}

/** The draft to edit an existing geometry (an area's closing vertex dropped). */
export function geometryDraft(geometry: IdeaGeometry): Draft {
	if (geometry.type === 'Point') return { kind: 'Point', positions: [geometry.coordinates] };
	if (geometry.type === 'LineString')
		return { kind: 'LineString', positions: geometry.coordinates };
	return { kind: 'Polygon', positions: geometry.coordinates[0]!.slice(0, -1) };
}

/** Positions as people read them: one "lat, lng" per line. */
export function formatPositions(positions: readonly Position[]): string {
	return positions.map(([lng, lat]) => `${lat}, ${lng}`).join('\n');
}

export type ParsedPositions =
	| { ok: true; positions: Position[] }
	| { ok: false; line: number; reason: 'format' | 'range' | 'too-many' };

/** A coordinate as typed: "52.52" or "52,52" (a decimal comma, as German and French write). */
export function parseCoordinate(text: string): number | undefined {
	const trimmed = text.trim().replace(',', '.');
	if (!/^[-+]?\d+(\.\d+)?$/.test(trimmed)) return undefined;
	return Number(trimmed);
}

export const validLat = (lat: number) => Number.isFinite(lat) && lat >= -90 && lat <= 90;
export const validLng = (lng: number) => Number.isFinite(lng) && lng >= -180 && lng <= 180;

/**
 * Typed coordinates, one "lat, lng" per line (a semicolon or spaces also separate them, so
 * decimal commas work: "52,52; 13,40"). Empty lines are skipped; `line` counts from 1.
 */
export function parsePositions(text: string): ParsedPositions {
	const positions: Position[] = [];
	const lines = text.split('\n');
	for (const [i, raw] of lines.entries()) {
		if (!raw.trim()) continue;
		const parts = raw.includes(';') ? raw.split(';') : raw.trim().split(/\s*,\s*|\s+/);
		const [lat, lng] = parts.length === 2 ? parts.map(parseCoordinate) : [undefined, undefined];
		if (lat === undefined || lng === undefined) return { ok: false, line: i + 1, reason: 'format' };
		if (!validLat(lat) || !validLng(lng)) return { ok: false, line: i + 1, reason: 'range' };
		if (positions.length >= mapLimits.positions - 1)
			return { ok: false, line: i + 1, reason: 'too-many' };
		positions.push(rounded([lng, lat]));
	}
	return { ok: true, positions };
}
