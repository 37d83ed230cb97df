/**
 * The actions a person can pledge in a space, catalogue and local alike, as the pledge pages
 * show them: grouped by theme in the catalogue's order, local actions in their theme, their
 * texts picked in the reader's language (the space's languages as fallbacks).
 */
import {
	catalogue,
	catalogueAction,
	pledgeThemes,
	sources,
	type LevelScale,
	type PledgeTheme
} from '$lib/domain/pledge/catalogue';
import { localActionScale, pickText, type PickedText } from '$lib/domain/pledge/local-action';
import type { PledgeActionFields } from '$lib/domain/records';

export interface LocalTexts {
	title: PickedText;
	description: PickedText;
	commitment: PickedText;
}

export interface ActionItem {
	/** What a pledge names it by: a catalogue id or `local:<id>`. */
	ref: string;
	theme: PledgeTheme;
	scale: LevelScale;
	/** tCO2e per person and year at `scale.reference`. */
	figure: number;
	overlap: string;
	source: { citation: string; doi: string | null };
	/** Texts of a local action; catalogue actions take theirs from i18n. */
	local: LocalTexts | null;
}

export interface LocalActionLike {
	ref: string;
	fields: PledgeActionFields;
}

export function catalogueItem(id: string): ActionItem | undefined {
	const action = catalogueAction(id);
	if (!action) return undefined;
	const source = sources[action.figure.source];
	return {
		ref: action.id,
		theme: action.theme,
		scale: action.level,
		figure: action.figure.value,
		overlap: action.overlap ?? '',
		source: { citation: source.citation, doi: source.doi },
		local: null
	};
}

export function localItem(
	action: LocalActionLike,
	language: string,
	fallbacks: readonly string[]
): ActionItem {
	const { fields } = action;
	const pick = (json: string) => pickText(json, language, fallbacks);
	return {
		ref: action.ref,
		theme: fields.theme,
		scale: localActionScale(fields),
		figure: fields.figure,
		overlap: fields.overlap,
		source: { citation: fields.source, doi: null },
		local: {
			title: pick(fields.title),
			description: pick(fields.description),
			commitment: pick(fields.commitment)
		}
	};
}

export interface ThemeGroup {
	theme: PledgeTheme;
	actions: ActionItem[];
}

/**
 * The offered actions by theme: the catalogue's actions of the campaign's `themes` (every
 * theme when null) and every local action, in the catalogue's theme order; empty themes left out.
 */
export function actionsByTheme(
	locals: readonly LocalActionLike[],
	language: string,
	fallbacks: readonly string[],
	themes: readonly PledgeTheme[] | null = null
): ThemeGroup[] {
	const offered = new Set(themes ?? pledgeThemes);
	const items = [
		...catalogue.filter((a) => offered.has(a.theme)).map((a) => catalogueItem(a.id)!),
		...locals.map((action) => localItem(action, language, fallbacks))
	];
	return pledgeThemes
		.map((theme) => ({ theme, actions: items.filter((item) => item.theme === theme) }))
		.filter((group) => group.actions.length > 0);
}

/** The action a pledge or a `?action=` names, catalogue or local; undefined when unknown here. */
export function findAction(
	ref: string,
	locals: readonly LocalActionLike[],
	language: string,
	fallbacks: readonly string[]
): ActionItem | undefined {
	const local = locals.find((action) => action.ref === ref.toLowerCase());
	return local ? localItem(local, language, fallbacks) : catalogueItem(ref);
}

/** The other offered actions in the same overlap group (their savings are not added up). */
export function overlapping(item: ActionItem, groups: readonly ThemeGroup[]): ActionItem[] {
	if (!item.overlap) return [];
	return groups
		.flatMap((group) => group.actions)
		.filter((other) => other.overlap === item.overlap && other.ref !== item.ref);
}
