import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { goalProgress, PledgeCampaignSchema } from '$lib/domain/pledge/campaign';
import {
	localActionFacts,
	localActionRef,
	localActionScale,
	localTextJson,
	pickText
} from '$lib/domain/pledge/local-action';
import { createSchemaFor } from '$lib/domain/protocol';
import {
	levelScaleProblem,
	localActionId,
	parseOrigin,
	pledgePeriodProblem,
	type PledgeActionFields
} from '$lib/domain/records';

const pledge = {
	action: 'car-free',
	level: 3,
	startsOn: '2027-05-03',
	endsOn: '2027-07-03',
	status: 'active',
	origin: '',
	language: 'en',
	createdAt: 1
};

describe('pledge records', () => {
	it('accepts a pledge from the catalogue, a local action and an origin', () => {
		const schema = createSchemaFor('pledge');
		expect(v.safeParse(schema, pledge).success).toBe(true);
		const id = '0190d7a4-8c5e-7b3a-9f00-1234567890ab';
		expect(v.safeParse(schema, { ...pledge, action: `local:${id}` }).success).toBe(true);
		expect(v.safeParse(schema, { ...pledge, origin: `mapIdea:${id}` }).success).toBe(true);
		expect(parseOrigin(`activity:${id.toUpperCase()}`)).toEqual({ type: 'activity', id });
		expect(localActionId(localActionRef(id.toUpperCase()))).toBe(id);
	});

	it('refuses bad values with a message', () => {
		const schema = createSchemaFor('pledge');
		for (const bad of [
			{ status: 'maybe' },
			{ startsOn: '2027-02-30' },
			{ origin: 'idea:x' },
			{ action: 'DROP TABLE' },
			{ level: -1 }
		]) {
			const result = v.safeParse(schema, { ...pledge, ...bad });
			expect(result.success, JSON.stringify(bad)).toBe(false);
		}
	});

	it('checks the period of the merged record', () => {
		expect(pledgePeriodProblem('2027-05-03', '2027-07-03')).toBeUndefined();
		expect(pledgePeriodProblem('2027-05-03', '2027-05-03')).toMatch(/ends after it starts/);
		expect(pledgePeriodProblem('2027-05-03', '2028-05-04')).toMatch(/at most 366 days/);
	});

	it('accepts a check-in for a week and refuses another result', () => {
		const schema = createSchemaFor('checkIn');
		const checkIn = {
			pledge: '0190d7a4-8c5e-7b3a-9f00-1234567890ab',
			startsOn: '2027-05-03',
			week: 1,
			result: 'done',
			createdAt: 1
		};
		expect(v.safeParse(schema, checkIn).success).toBe(true);
		expect(v.safeParse(schema, { ...checkIn, result: 'maybe' }).success).toBe(false);
		expect(v.safeParse(schema, { ...checkIn, week: 0 }).success).toBe(false);
	});
});

describe('local actions', () => {
	const fields: PledgeActionFields = {
		theme: 'mobility',
		title: localTextJson({ de: 'Auto teilen', en: 'Share your car', fr: ' ' }),
		description: '{"de":"Mit den Nachbarn"}',
		commitment: '{"de":"Tage pro Woche"}',
		figure: 0.8,
		source: 'Stadtwerke 2026',
		unit: 'days-per-week',
		levelMin: 1,
		levelMax: 7,
		levelStep: 1,
		levelReference: 7,
		overlap: 'car',
		createdAt: 1
	};

	it('validates as a record and drops empty languages', () => {
		expect(v.safeParse(createSchemaFor('pledgeAction'), fields).success).toBe(true);
		expect(JSON.parse(fields.title)).toEqual({ de: 'Auto teilen', en: 'Share your car' });
		expect(
			v.safeParse(createSchemaFor('pledgeAction'), { ...fields, title: '{"de":" "}' }).success
		).toBe(false);
		expect(levelScaleProblem({ levelMin: 3, levelMax: 2 })).toMatch(/at least the lowest/);
	});

	it('shows the reader’s language, else the fallback, and says so', () => {
		expect(pickText(fields.title, 'en')).toEqual({
			text: 'Share your car',
			language: 'en',
			fallback: false
		});
		expect(pickText(fields.description, 'fr', ['en'])).toEqual({
			text: 'Mit den Nachbarn',
			language: 'de',
			fallback: true
		});
	});

	it('turns into a level scale and the facts the totals need', () => {
		expect(localActionScale(fields)).toMatchObject({ min: 1, max: 7, reference: 7, initial: 7 });
		expect(localActionFacts(fields)).toEqual({
			theme: 'mobility',
			figure: 0.8,
			reference: 7,
			overlap: 'car'
		});
	});
});

describe('campaigns', () => {
	it('validates a goal and the themes offered', () => {
		const ok = { goalPeople: 500, goalTco2e: 300, themes: ['mobility'] };
		expect(v.safeParse(PledgeCampaignSchema, ok).success).toBe(true);
		expect(v.safeParse(PledgeCampaignSchema, { ...ok, themes: [] }).success).toBe(false);
		expect(v.safeParse(PledgeCampaignSchema, { ...ok, goalPeople: 2.5 }).success).toBe(false);
	});

	it('measures progress, capped at the goal, and none for a hidden total', () => {
		expect(goalProgress(120, 500)).toBeCloseTo(0.24, 10);
		expect(goalProgress(600, 500)).toBe(1);
		expect(goalProgress(null, 500)).toBeNull();
		expect(goalProgress(10, null)).toBeNull();
	});
});
