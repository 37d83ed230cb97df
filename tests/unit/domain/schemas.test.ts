import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { newId } from '$lib/domain/ids';
import {
	createSchemaFor,
	describeIssues,
	MutationSchema,
	patchSchemaFor,
	PushRequestSchema
} from '$lib/domain/protocol';
import { IdeaFieldsSchema, IdeaFormSchema } from '$lib/domain/records';
import { SpaceIdSchema, toSpaceId } from '$lib/domain/space';
import { hlcAt, ideaForm } from '$tests/fixtures/records';

function messageOf(schema: v.GenericSchema, input: unknown): string {
	const result = v.safeParse(schema, input);
	return result.success ? '' : describeIssues(result.issues);
}

const mutation = () => ({
	id: newId(),
	type: 'idea',
	space: 'park',
	hlc: hlcAt(1000),
	patch: { title: 'x' }
});

describe('idea schemas', () => {
	it('accept a good idea and trim its text', () => {
		const parsed = v.parse(IdeaFormSchema, ideaForm({ title: '  Trees  ' }));
		expect(parsed.title).toBe('Trees');
		expect(v.safeParse(IdeaFieldsSchema, { ...ideaForm(), createdAt: 5 }).success).toBe(true);
	});

	it('reject bad ideas with readable messages', () => {
		expect(messageOf(IdeaFormSchema, ideaForm({ title: ' ' }))).toBe(
			'title: Give the idea a title.'
		);
		expect(messageOf(IdeaFormSchema, ideaForm({ category: 'x' as never }))).toBe(
			'category: Pick one of the listed categories.'
		);
		expect(messageOf(IdeaFormSchema, ideaForm({ language: 'english' }))).toMatch(/^language: /);
		expect(messageOf(IdeaFormSchema, { ...ideaForm(), extra: 1 })).toMatch(/extra/);
		expect(messageOf(createSchemaFor('idea'), { title: 'only a title' })).toMatch(/text/);
	});

	it('accept partial patches with the tombstone, reject unknown fields', () => {
		expect(v.safeParse(patchSchemaFor('idea'), { deleted: true }).success).toBe(true);
		expect(v.safeParse(patchSchemaFor('idea'), { title: 'x' }).success).toBe(true);
		expect(messageOf(patchSchemaFor('idea'), { deleted: 'yes' })).toBe(
			'deleted: Deleted is true or false.'
		);
		expect(v.safeParse(patchSchemaFor('idea'), { votes: 3 }).success).toBe(false);
	});
});

describe('protocol schemas', () => {
	it('accept a good mutation and reject a bad id, clock and space', () => {
		expect(v.safeParse(MutationSchema, mutation()).success).toBe(true);
		expect(messageOf(MutationSchema, { ...mutation(), id: 'x' })).toBe('id: An id is a UUID.');
		expect(messageOf(MutationSchema, { ...mutation(), hlc: 'now' })).toBe(
			'hlc: A clock is a hybrid logical clock value.'
		);
		expect(messageOf(MutationSchema, { ...mutation(), space: 'Bad Space' })).toMatch(
			/^space: A space id/
		);
		expect(messageOf(MutationSchema, { ...mutation(), type: 'poll' })).toBe(
			'type: Unknown record type.'
		);
	});

	it('bound push requests in batches and mutations', () => {
		const push = (batches: unknown[]) => ({
			protocol: 1,
			deviceId: newId(),
			participant: newId(),
			batches
		});
		expect(
			v.safeParse(PushRequestSchema, push([{ seq: 1, mutations: [mutation()] }])).success
		).toBe(true);
		expect(messageOf(PushRequestSchema, push([]))).toBe(
			'batches: A push holds at least one batch.'
		);
		expect(messageOf(PushRequestSchema, push([{ seq: 0, mutations: [mutation()] }]))).toBe(
			'batches.0.seq: A batch number starts at 1.'
		);
		const big = Array.from({ length: 5 }, (_, i) => ({
			seq: i + 1,
			mutations: Array.from({ length: 500 }, mutation)
		}));
		expect(messageOf(PushRequestSchema, push(big))).toBe('A push holds at most 2000 mutations.');
	});
});

describe('space ids', () => {
	it('toSpaceId turns what people type into a valid slug', () => {
		expect(toSpaceId('  Mieter Nord – Café Ümlaut! ')).toBe('mieter-nord-cafe-umlaut');
		expect(toSpaceId('!!!')).toBe('');
		const long = toSpaceId(`${'a'.repeat(63)} b`);
		expect(long).toBe('a'.repeat(63));
		for (const input of ['Łódź Zentrum', 'x--y', 'Ünïcødé ideas 2030']) {
			const slug = toSpaceId(input);
			if (slug) expect(v.safeParse(SpaceIdSchema, slug).success).toBe(true);
		}
	});
});
