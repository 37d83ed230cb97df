/**
 * Impact totals (issue 6), computed by the hub from the synced pledges of one or more spaces
 * and shown on public dashboards. Guarantees:
 *
 * - Only active and kept pledges count towards people, themes and tCO2e; a withdrawn or
 *   not-kept pledge drops out of every total.
 * - No double counting: within one person's pledges, actions of the same overlap group count
 *   once, at the largest estimate (car-free and an electric car save the same car's emissions),
 *   and so does one action pledged in two spaces of an organisation.
 * - A check-in counts once per pledge, period and week (its id says so; see records/pledge.ts),
 *   only for the pledge's current period, and only while the pledge counts.
 * - Anonymous: the result holds counts and sums only. `suppressSmallGroups` hides every number
 *   that stands for fewer than `minGroupSize` people (but not zero), so a dashboard never
 *   tells what one person pledged.
 */
import { catalogueAction, pledgeThemes, scaleEstimate, type PledgeTheme } from './catalogue';
import type { CheckInResult, PledgeStatus } from '../records/pledge';

/** Below this many people a number is not shown. */
export const minGroupSize = 5;

/** What the totals need to know about an action, catalogue or local. */
export interface ActionFacts {
	theme: PledgeTheme;
	/** tCO2e per year at the reference level. */
	figure: number;
	reference: number;
	overlap: string;
}

export interface PledgeFacts {
	id: string;
	author: string;
	action: string;
	level: number;
	status: PledgeStatus;
	startsOn: string;
}

export interface CheckInFacts {
	pledge: string;
	startsOn: string;
	week: number;
	result: CheckInResult;
}

export type ResolveAction = (action: string) => ActionFacts | undefined;

/** Catalogue actions by id; local actions come from the space's records (see the hub). */
export function catalogueFacts(action: string): ActionFacts | undefined {
	const found = catalogueAction(action);
	if (!found) return undefined;
	return {
		theme: found.theme,
		figure: found.figure.value,
		reference: found.level.reference,
		overlap: found.overlap ?? ''
	};
}

export interface ThemeTotals {
	theme: PledgeTheme;
	people: number;
	pledges: number;
	tco2e: number;
}

export interface ImpactTotals {
	people: number;
	activePledges: number;
	keptPledges: number;
	/** Weeks people checked in as done or partly. */
	checkIns: number;
	/** Estimated tCO2e per year of the active and kept pledges. */
	tco2e: number;
	themes: ThemeTotals[];
}

export const countsTowardsImpact = (status: PledgeStatus) =>
	status === 'active' || status === 'kept';

/**
 * Each counted pledge's estimate for one person's pledges after removing overlaps: in every
 * overlap group only the largest estimate stays (ties: the smaller id), the others count 0.
 * An action of no group is a group of its own, so pledging it in two spaces counts it once.
 */
export function personEstimates(
	pledges: readonly PledgeFacts[],
	resolve: ResolveAction
): Map<string, number> {
	const estimates = new Map<string, number>();
	const bestInGroup = new Map<string, { id: string; value: number }>();
	for (const pledge of [...pledges].sort((a, b) => (a.id < b.id ? -1 : 1))) {
		const action = resolve(pledge.action);
		if (!action || !countsTowardsImpact(pledge.status)) continue;
		const value = scaleEstimate(action.figure, pledge.level, action.reference);
		estimates.set(pledge.id, value);
		const group = action.overlap || `action:${pledge.action}`;
		const best = bestInGroup.get(group);
		if (!best || value > best.value) {
			if (best) estimates.set(best.id, 0);
			bestInGroup.set(group, { id: pledge.id, value });
		} else estimates.set(pledge.id, 0);
	}
	return estimates;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
	const groups = new Map<string, T[]>();
	for (const item of items) {
		const list = groups.get(key(item));
		if (list) list.push(item);
		else groups.set(key(item), [item]);
	}
	return groups;
}

const round2 = (value: number) => Math.round(value * 100) / 100;

/** The totals of these pledges and check-ins, before suppression. */
export function impactTotals(
	pledges: readonly PledgeFacts[],
	checkIns: readonly CheckInFacts[],
	resolve: ResolveAction
): ImpactTotals {
	const themes = new Map(
		pledgeThemes.map((theme) => [theme, { people: new Set<string>(), pledges: 0, tco2e: 0 }])
	);
	const people = new Set<string>();
	let tco2e = 0;
	for (const [author, own] of groupBy(pledges, (p) => p.author.toLowerCase())) {
		const estimates = personEstimates(own, resolve);
		for (const pledge of own) {
			const estimate = estimates.get(pledge.id);
			if (estimate === undefined) continue;
			const theme = themes.get(resolve(pledge.action)!.theme)!;
			people.add(author);
			theme.people.add(author);
			theme.pledges += 1;
			theme.tco2e += estimate;
			tco2e += estimate;
		}
	}
	const known = new Map(
		pledges.filter((p) => resolve(p.action)).map((p) => [p.id.toLowerCase(), p])
	);
	const counting = (id: string) => {
		const pledge = known.get(id.toLowerCase());
		return pledge && countsTowardsImpact(pledge.status) ? pledge : undefined;
	};
	const weeks = new Set(
		checkIns
			.filter((c) => c.result !== 'not')
			.filter((c) => counting(c.pledge)?.startsOn === c.startsOn)
			.map((c) => `${c.pledge.toLowerCase()}:${c.startsOn}:${c.week}`)
	);
	const counted = [...known.values()];
	return {
		people: people.size,
		activePledges: counted.filter((p) => p.status === 'active').length,
		keptPledges: counted.filter((p) => p.status === 'kept').length,
		checkIns: weeks.size,
		tco2e: round2(tco2e),
		themes: pledgeThemes.map((theme) => {
			const totals = themes.get(theme)!;
			return {
				theme,
				people: totals.people.size,
				pledges: totals.pledges,
				tco2e: round2(totals.tco2e)
			};
		})
	};
}

/** A number, or null where it stands for too few people to show. */
export type Shown = number | null;

export interface ShownThemeTotals {
	theme: PledgeTheme;
	people: Shown;
	pledges: Shown;
	tco2e: Shown;
}

export interface ImpactSummary {
	/** The smallest group a number is shown for. */
	threshold: number;
	people: Shown;
	activePledges: Shown;
	keptPledges: Shown;
	checkIns: Shown;
	tco2e: Shown;
	themes: ShownThemeTotals[];
}

/** Whether a group of `people` is too small to show (zero is shown: it tells nothing). */
export function isSmallGroup(people: number, threshold = minGroupSize): boolean {
	return people > 0 && people < threshold;
}

/** The totals with every number of a too-small group replaced by null. */
export function suppressSmallGroups(totals: ImpactTotals, threshold = minGroupSize): ImpactSummary {
	const hideAll = isSmallGroup(totals.people, threshold);
	const shown = (value: number, people: number) =>
		hideAll || isSmallGroup(people, threshold) ? null : value;
	return {
		threshold,
		people: shown(totals.people, totals.people),
		activePledges: shown(totals.activePledges, totals.people),
		keptPledges: shown(totals.keptPledges, totals.people),
		checkIns: shown(totals.checkIns, totals.people),
		tco2e: shown(totals.tco2e, totals.people),
		themes: totals.themes.map((row) => ({
			theme: row.theme,
			people: shown(row.people, row.people),
			pledges: shown(row.pledges, row.people),
			tco2e: shown(row.tco2e, row.people)
		}))
	};
}

/** GET /api/v1/spaces/<id>/impact */
export interface SpaceImpactResponse {
	space: { id: string; title: string; kind: string };
	impact: ImpactSummary;
	/** A pledge campaign's goal; null for other spaces. */
	goal: { people: number | null; tco2e: number | null } | null;
	/** When the hub computed the totals (ISO time). */
	computedAt: string;
}

/** GET /api/v1/organisations/<id>/impact */
export interface OrganisationImpactResponse {
	organisation: { id: string; name: string };
	impact: ImpactSummary;
	/** How many spaces the totals cover (only public ones for a public reader). */
	spaces: number;
	computedAt: string;
}
