import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { createSchemaFor } from '../../../src/lib/domain/protocol';
import { activityDefaults, parseOptions } from '../../../src/lib/domain/records/workshop';
import {
	answerProblem,
	budgetProblem,
	dotsLeft,
	pollResults,
	ratingResults,
	resolveCluster,
	tally
} from '../../../src/lib/domain/workshop';

const options = JSON.stringify([
	{ id: 'a', label: 'Tram' },
	{ id: 'b', label: 'Bus' },
	{ id: 'c', label: 'Bike' }
]);
const poll = { kind: 'poll' as const, options, multiple: false, scale: 0 };
const rating = { kind: 'rating' as const, options, multiple: false, scale: 5 };

describe('resolveCluster', () => {
	it('follows merges to the end of the chain', () => {
		const clusters = [
			{ id: 'a', mergedInto: 'b' },
			{ id: 'b', mergedInto: 'c' },
			{ id: 'c', mergedInto: '' }
		];
		expect(resolveCluster('a', clusters)).toBe('c');
		expect(resolveCluster('c', clusters)).toBe('c');
		expect(resolveCluster('', clusters)).toBe('');
		expect(resolveCluster('unknown', clusters)).toBe('');
	});

	it('resolves a cycle to its smallest id, whatever the entry point', () => {
		const clusters = [
			{ id: 'x', mergedInto: 'q' },
			{ id: 'q', mergedInto: 'm' },
			{ id: 'm', mergedInto: 'x' },
			{ id: 'z', mergedInto: 'q' }
		];
		for (const id of ['x', 'q', 'm', 'z']) expect(resolveCluster(id, clusters)).toBe('m');
	});

	it('stops at the last known cluster when the chain leads nowhere', () => {
		expect(resolveCluster('a', [{ id: 'a', mergedInto: 'gone' }])).toBe('a');
	});
});

describe('dot votes', () => {
	const rules = { dots: 5, maxPerItem: 3 };
	it('counts and ranks votes, merged items counted for their target', () => {
		const votes = [
			{ item: 'n1', count: 2 },
			{ item: 'n2', count: 3 },
			{ item: 'n1', count: 2 },
			{ item: 'n3', count: 0 }
		];
		expect(tally(votes)).toEqual([
			{ item: 'n1', votes: 4 },
			{ item: 'n2', votes: 3 }
		]);
		expect(tally(votes, (id) => (id === 'n2' ? 'n1' : id))).toEqual([{ item: 'n1', votes: 7 }]);
	});

	it('enforces the budget and the per-item limit', () => {
		expect(
			budgetProblem(
				[
					{ item: 'a', count: 3 },
					{ item: 'b', count: 2 }
				],
				rules
			)
		).toBeUndefined();
		expect(budgetProblem([{ item: 'a', count: 4 }], rules)).toContain('At most 3');
		expect(
			budgetProblem(
				[
					{ item: 'a', count: 3 },
					{ item: 'b', count: 3 }
				],
				rules
			)
		).toContain('5 dots');
		expect(dotsLeft([{ item: 'a', count: 3 }], rules)).toBe(2);
	});
});

describe('answers', () => {
	it('checks poll, rating and open answers against their activity', () => {
		expect(answerProblem('["a"]', poll)).toBeUndefined();
		expect(answerProblem('["a","b"]', poll)).toBeDefined();
		expect(answerProblem('["a","b"]', { ...poll, multiple: true })).toBeUndefined();
		expect(answerProblem('["a","a"]', { ...poll, multiple: true })).toBeDefined();
		expect(answerProblem('["x"]', poll)).toBeDefined();
		expect(answerProblem('not json', poll)).toBeDefined();
		expect(answerProblem('{"a":5,"c":1}', rating)).toBeUndefined();
		expect(answerProblem('{"a":6}', rating)).toBeDefined();
		expect(answerProblem('{"a":2.5}', rating)).toBeDefined();
		expect(answerProblem('{}', rating)).toBeDefined();
		expect(answerProblem(' ', { ...poll, kind: 'open-question' })).toBeDefined();
		expect(answerProblem('Yes', { ...poll, kind: 'open-question' })).toBeUndefined();
	});

	it('computes poll results, ignoring invalid answers', () => {
		const results = pollResults(
			[{ value: '["b"]' }, { value: '["b"]' }, { value: '["a"]' }, { value: '["zz"]' }],
			poll
		);
		expect(results.respondents).toBe(3);
		expect(results.options.map((r) => [r.option.id, r.count])).toEqual([
			['b', 2],
			['a', 1],
			['c', 0]
		]);
		expect(results.options[0]!.share).toBeCloseTo(2 / 3);
	});

	it('computes rating means and spreads, best first', () => {
		const results = ratingResults([{ value: '{"a":1,"b":5}' }, { value: '{"a":3,"b":4}' }], rating);
		expect(results.map((r) => [r.option.id, r.mean, r.count])).toEqual([
			['b', 4.5, 2],
			['a', 2, 2],
			['c', 0, 0]
		]);
		expect(results[0]!.distribution).toEqual([0, 0, 0, 1, 1]);
	});
});

describe('workshop record schemas', () => {
	it('accepts a full activity and refuses bad option lists', () => {
		const schema = createSchemaFor('activity');
		expect(v.is(schema, activityDefaults('poll', 'Which line?', 0, 1))).toBe(true);
		const dupes = JSON.stringify([
			{ id: 'a', label: 'A' },
			{ id: 'a', label: 'B' }
		]);
		expect(parseOptions(dupes)).toBeUndefined();
		expect(v.is(schema, { ...activityDefaults('poll', 'Which?', 0, 1), options: dupes })).toBe(
			false
		);
		expect(v.is(schema, { ...activityDefaults('poll', 'Which?', 0, 1), options: '{' })).toBe(false);
	});

	it('needs every note field and a UUID or nothing as cluster', () => {
		const note = {
			activity: '0192f0c4-3c3e-7a6e-9b1a-6c1f2e3d4a5b',
			text: 'Trees',
			category: '',
			cluster: '',
			language: 'de',
			authorName: '',
			createdAt: 1
		};
		expect(v.is(createSchemaFor('note'), note)).toBe(true);
		expect(v.is(createSchemaFor('note'), { ...note, cluster: 'x' })).toBe(false);
		expect(v.is(createSchemaFor('note'), { ...note, text: '' })).toBe(false);
	});
});
