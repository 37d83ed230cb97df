/**
 * The action catalogue (issue 6): climate actions a person can pledge, each with a published,
 * peer-reviewed estimate of what it saves per year and the row of the paper it comes from.
 *
 * Every figure is a value printed in its source (tests/fixtures/pledge-reference.md holds the
 * tables; a unit test compares each figure to its row). A person's pledge scales the figure
 * linearly by their level: estimate = figure × level ÷ reference (`scaleEstimate`), so
 * "3 of 5 commuting days" is 60% of the car-free figure. Actions in one overlap group save the
 * same emissions in different ways (car-free and an electric car): a person's total counts only
 * the largest of them (impact.ts). These are estimates, and the UI says so.
 *
 * Action names, descriptions and units are i18n keys (`pledge.actions.<id>.*`,
 * `pledge.units.<unit>`); this module holds no display text but the citations.
 */

export const pledgeThemes = ['mobility', 'home-energy', 'food', 'consumption'] as const;
export type PledgeTheme = (typeof pledgeThemes)[number];

/** Groups of actions whose savings overlap; a person's total counts one action per group. */
export const overlapGroups = ['car', 'electricity', 'heating', 'diet', 'food-sourcing'] as const;
export type OverlapGroup = (typeof overlapGroups)[number];

export interface Source {
	id: SourceId;
	/** The citation as the paper asks to be cited. */
	citation: string;
	doi: string;
	licence: string;
	/** What the figures are: their population, unit and statistic. */
	basis: string;
}

export type SourceId = 'wynes-nicholas-2017' | 'ivanova-2020';

export const sources: Readonly<Record<SourceId, Source>> = {
	'wynes-nicholas-2017': {
		id: 'wynes-nicholas-2017',
		citation:
			'Wynes, S. & Nicholas, K. A. (2017). The climate mitigation gap: education and government recommendations miss the most effective individual actions. Environmental Research Letters 12, 074024.',
		doi: '10.1088/1748-9326/aa7541',
		licence: 'CC BY 3.0',
		basis: 'Developed-country averages, tCO2e saved per year (148 scenarios from 39 sources).'
	},
	'ivanova-2020': {
		id: 'ivanova-2020',
		citation:
			'Ivanova, D., Barrett, J., Wiedenhofer, D., Macura, B., Callaghan, M. & Creutzig, F. (2020). Quantifying the potential for climate change mitigation of consumption options. Environmental Research Letters 15, 093001.',
		doi: '10.1088/1748-9326/ab8589',
		licence: 'CC BY 4.0',
		basis:
			'Mitigation potential in tCO2eq per capita per year; values depend on context and do not add up across options.'
	}
};

/** What a level counts: the unit the person commits in (`pledge.units.<unit>`). */
export const levelUnits = [
	'commute-days',
	'days-per-week',
	'flights-per-year',
	'degrees',
	'whole'
] as const;
export type LevelUnit = (typeof levelUnits)[number];

/**
 * How a level scales the figure: estimate = figure × level ÷ reference. `reference` is the
 * level the published figure stands for (5 of 5 commuting days, 1 flight, 2 °C for "1–3 °C").
 */
export interface LevelScale {
	unit: LevelUnit;
	min: number;
	max: number;
	step: number;
	reference: number;
	/** The level the pledge form starts at. */
	initial: number;
}

export interface Figure {
	/** tCO2e per person and year at the reference level. */
	value: number;
	source: SourceId;
	/** The row of the source's table, word for word. */
	row: string;
	/** Which column of that row: W&N give one value; Ivanova et al. a mean and a median. */
	statistic: 'value' | 'mean' | 'median';
}

export interface CatalogueAction {
	id: string;
	theme: PledgeTheme;
	figure: Figure;
	level: LevelScale;
	overlap?: OverlapGroup;
}

const whole: LevelScale = { unit: 'whole', min: 1, max: 1, step: 1, reference: 1, initial: 1 };
const commuteDays: LevelScale = {
	unit: 'commute-days',
	min: 1,
	max: 5,
	step: 1,
	reference: 5,
	initial: 3
};
const daysPerWeek: LevelScale = {
	unit: 'days-per-week',
	min: 1,
	max: 7,
	step: 1,
	reference: 7,
	initial: 3
};
const flights: LevelScale = {
	unit: 'flights-per-year',
	min: 1,
	max: 10,
	step: 1,
	reference: 1,
	initial: 1
};

const wn = (value: number, row: string): Figure => ({
	value,
	source: 'wynes-nicholas-2017',
	row,
	statistic: 'value'
});
const ivanova = (value: number, row: string): Figure => ({
	value,
	source: 'ivanova-2020',
	row,
	statistic: 'mean'
});

export const catalogue: readonly CatalogueAction[] = [
	// Mobility
	{
		id: 'car-free',
		theme: 'mobility',
		figure: wn(2.4, 'live car-free (from a petrol/diesel car)'),
		level: commuteDays,
		overlap: 'car'
	},
	{
		id: 'electric-car',
		theme: 'mobility',
		figure: ivanova(2.0, 'battery electric vehicle instead of a combustion car'),
		level: whole,
		overlap: 'car'
	},
	{
		id: 'hybrid-car',
		theme: 'mobility',
		figure: wn(0.52, 'replace a typical car with a hybrid'),
		level: whole,
		overlap: 'car'
	},
	{
		id: 'telecommute',
		theme: 'mobility',
		figure: ivanova(0.4, 'telecommuting'),
		level: { ...commuteDays, initial: 2 },
		overlap: 'car'
	},
	{
		id: 'fewer-long-flights',
		theme: 'mobility',
		figure: wn(1.6, 'avoid one round-trip transatlantic flight'),
		level: flights
	},
	{
		id: 'fewer-medium-flights',
		theme: 'mobility',
		figure: ivanova(0.6, 'one less medium return flight'),
		level: flights
	},
	// Home energy
	{
		id: 'green-electricity',
		theme: 'home-energy',
		figure: ivanova(1.5, 'renewable electricity (purchase)'),
		level: whole,
		overlap: 'electricity'
	},
	{
		id: 'own-solar',
		theme: 'home-energy',
		figure: ivanova(1.3, 'producing own renewable electricity'),
		level: whole,
		overlap: 'electricity'
	},
	{
		id: 'lower-heating',
		theme: 'home-energy',
		// Published for "1–3 °C": taken as 2 °C and scaled per degree.
		figure: ivanova(0.1, 'lowering room temperature by 1–3 °C'),
		level: { unit: 'degrees', min: 1, max: 3, step: 1, reference: 2, initial: 1 },
		overlap: 'heating'
	},
	{
		id: 'heat-pump',
		theme: 'home-energy',
		figure: ivanova(0.8, 'heat pump'),
		level: whole,
		overlap: 'heating'
	},
	{
		id: 'renewable-heating',
		theme: 'home-energy',
		figure: ivanova(0.7, 'renewable-based heating'),
		level: whole,
		overlap: 'heating'
	},
	{
		id: 'renovate',
		theme: 'home-energy',
		figure: ivanova(0.9, 'refurbishment and renovation'),
		level: whole,
		overlap: 'heating'
	},
	{
		id: 'save-hot-water',
		theme: 'home-energy',
		figure: ivanova(0.3, 'hot water saving'),
		level: whole
	},
	{
		id: 'wash-cold',
		theme: 'home-energy',
		figure: wn(0.25, 'wash clothes in cold water'),
		level: whole
	},
	{
		id: 'hang-dry',
		theme: 'home-energy',
		figure: wn(0.21, 'hang-dry clothes'),
		level: whole
	},
	{
		id: 'led-bulbs',
		theme: 'home-energy',
		figure: wn(0.1, 'upgrade light bulbs'),
		level: whole
	},
	// Food
	{
		id: 'vegan',
		theme: 'food',
		figure: ivanova(0.9, 'vegan diet'),
		level: daysPerWeek,
		overlap: 'diet'
	},
	{
		id: 'vegetarian',
		theme: 'food',
		figure: ivanova(0.5, 'vegetarian diet'),
		level: { ...daysPerWeek, initial: 4 },
		overlap: 'diet'
	},
	{
		id: 'mediterranean',
		theme: 'food',
		figure: ivanova(0.6, 'Mediterranean and similar diets'),
		level: { ...daysPerWeek, initial: 5 },
		overlap: 'diet'
	},
	{
		id: 'local-food',
		theme: 'food',
		figure: ivanova(0.4, 'regional and local food'),
		level: whole,
		overlap: 'food-sourcing'
	},
	{
		id: 'seasonal-food',
		theme: 'food',
		figure: ivanova(0.2, 'seasonal and fresh food'),
		level: whole,
		overlap: 'food-sourcing'
	},
	{
		id: 'food-waste',
		theme: 'food',
		figure: ivanova(0.03, 'food waste management'),
		level: whole
	},
	// Consumption and waste
	{
		id: 'recycle',
		theme: 'consumption',
		figure: wn(0.21, 'recycle'),
		level: whole
	},
	{
		id: 'less-living-space',
		theme: 'consumption',
		figure: ivanova(0.3, 'less living space / co-housing'),
		level: whole
	}
];

const byId = new Map(catalogue.map((action) => [action.id, action]));

export function catalogueAction(id: string): CatalogueAction | undefined {
	return byId.get(id);
}

/** The yearly estimate (tCO2e) of a pledge at `level`: figure × level ÷ reference. */
export function scaleEstimate(figure: number, level: number, reference: number): number {
	return (figure * level) / reference;
}

/** The share of the published figure a level stands for (0.6 for 3 of 5 days). */
export function levelShare(level: number, scale: Pick<LevelScale, 'reference'>): number {
	return level / scale.reference;
}

/** Whether `level` is one a person may pledge on this scale. */
export function isValidLevel(level: number, scale: Omit<LevelScale, 'unit' | 'initial'>): boolean {
	if (!Number.isFinite(level) || level < scale.min || level > scale.max) return false;
	const steps = (level - scale.min) / scale.step;
	return Math.abs(steps - Math.round(steps)) < 1e-9;
}
