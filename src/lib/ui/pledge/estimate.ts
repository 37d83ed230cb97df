/**
 * The numbers of an action's formula, as the action view says it in words: "3 of 5 commuting
 * days ≈ 60% of 2.4 t = 1.44 t CO2e a year" (estimate = figure × level ÷ reference).
 */
import { levelShare, scaleEstimate, type LevelScale } from '$lib/domain/pledge/catalogue';

export interface EstimateParts {
	level: number;
	/** The level's share of the published figure, in whole percent. */
	percent: number;
	figure: number;
	/** tCO2e per year, rounded to two decimals. */
	estimate: number;
}

const round2 = (value: number) => Math.round(value * 100) / 100;

export function estimateParts(
	figure: number,
	level: number,
	scale: Pick<LevelScale, 'reference'>
): EstimateParts {
	return {
		level,
		percent: Math.round(levelShare(level, scale) * 100),
		figure,
		estimate: round2(scaleEstimate(figure, level, scale.reference))
	};
}

/** The levels a scale offers, lowest first; capped so a form never lists thousands. */
export function scaleLevels(scale: Pick<LevelScale, 'min' | 'max' | 'step'>, cap = 60): number[] {
	const levels: number[] = [];
	for (let i = 0; levels.length < cap; i++) {
		const level = Math.round((scale.min + i * scale.step) * 1e6) / 1e6;
		if (level > scale.max + 1e-9) break;
		levels.push(level);
	}
	return levels;
}
