/**
 * The participant view's pure logic: category labels, what a dot vote is on, and turning the
 * poll and rating controls into the answer values the contract defines (and back).
 */
import type { presetThemes } from '$lib/domain/records';
import { parseOptions, type Option } from '$lib/domain/records';
import { clusterResolver } from '$lib/domain/workshop';
import type { TranslationKey } from '$lib/i18n/index.svelte';

/** Every preset theme's key, named literally so the locale test sees them in use. */
export const themeKeys: Record<(typeof presetThemes)[number], TranslationKey> = {
	mobility: 'themes.mobility',
	energy: 'themes.energy',
	buildings: 'themes.buildings',
	food: 'themes.food',
	waste: 'themes.waste',
	'green-space': 'themes.green-space',
	other: 'themes.other'
};

/** The translation key of an option that is a preset theme (its label equals its id). */
export function themeKey(option: Option): TranslationKey | undefined {
	if (option.label !== option.id) return undefined;
	return (themeKeys as Record<string, TranslationKey>)[option.id];
}

/** The options of a JSON options field; an invalid field reads as none. */
export const optionsOf = (json: string): Option[] => parseOptions(json) ?? [];

/** Something to put dots on: a cluster (by name) or a note not in any cluster (by text). */
export interface VoteItem {
	id: string;
	label: string;
	kind: 'cluster' | 'note';
}

interface NoteLike {
	id: string;
	fields: { text: string; cluster: string };
}

interface ClusterLike {
	id: string;
	fields: { name: string; mergedInto: string };
}

/**
 * The items of a dot vote on a brainstorm: its clusters that were not merged away, then the
 * notes that sit in no cluster, so each idea counts once.
 */
export function voteItems(notes: NoteLike[], clusters: ClusterLike[]): VoteItem[] {
	const resolve = clusterResolver(clusters.map((c) => ({ id: c.id, ...c.fields })));
	const used = new Set(notes.map((note) => resolve(note.fields.cluster)).filter(Boolean));
	const items: VoteItem[] = clusters
		.filter((cluster) => resolve(cluster.id) === cluster.id && used.has(cluster.id))
		.map((cluster) => ({ id: cluster.id, label: cluster.fields.name, kind: 'cluster' }));
	for (const note of notes)
		if (!resolve(note.fields.cluster))
			items.push({ id: note.id, label: note.fields.text, kind: 'note' });
	return items;
}

/** Tick or untick `id`: a single-choice poll keeps only the last one. */
export function toggleChoice(chosen: string[], id: string, multiple: boolean): string[] {
	if (chosen.includes(id)) return chosen.filter((other) => other !== id);
	return multiple ? [...chosen, id] : [id];
}

function parseJson(text: string | undefined): unknown {
	try {
		return text ? JSON.parse(text) : undefined;
	} catch {
		return undefined;
	}
}

/** The ids a stored poll answer chose; [] for none or an unreadable value. */
export function chosenIds(value: string | undefined): string[] {
	const parsed = parseJson(value);
	return Array.isArray(parsed) ? parsed.filter((id): id is string => typeof id === 'string') : [];
}

/** A poll answer's value, in the options' order. */
export function pollValue(chosen: string[], options: Option[]): string {
	return JSON.stringify(options.map((o) => o.id).filter((id) => chosen.includes(id)));
}

/** The scores of a stored rating answer; {} for none or an unreadable value. */
export function scoresOf(value: string | undefined): Record<string, number> {
	const parsed = parseJson(value);
	if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return {};
	return Object.fromEntries(
		Object.entries(parsed as Record<string, unknown>).filter(
			(entry): entry is [string, number] => typeof entry[1] === 'number'
		)
	);
}

/** A rating answer's value: only the rated items, in the options' order. */
export function ratingValue(scores: Record<string, number>, options: Option[]): string {
	const rated = options.filter((o) => scores[o.id] !== undefined);
	return JSON.stringify(Object.fromEntries(rated.map((o) => [o.id, scores[o.id]])));
}

/** The steps of a rating scale: 1 … scale. */
export const scaleSteps = (scale: number): number[] =>
	Array.from({ length: Math.max(0, scale) }, (_, i) => i + 1);
