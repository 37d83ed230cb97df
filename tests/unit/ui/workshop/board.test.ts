import { describe, expect, it } from 'vitest';
import { clusterResolver } from '$lib/domain/workshop';
import { dropAction, groupNotes, mergeTargets } from '$lib/ui/workshop/staff/board';

const note = (id: string, cluster = '', createdAt = 0, hidden = false) => ({
	id,
	hidden,
	fields: { cluster, createdAt }
});
const cluster = (id: string, name: string, mergedInto = '') => ({
	id,
	fields: { name, mergedInto }
});
const resolverOf = (clusters: ReturnType<typeof cluster>[]) =>
	clusterResolver(clusters.map((c) => ({ id: c.id, mergedInto: c.fields.mergedInto })));

describe('groupNotes', () => {
	it('shows every visible note exactly once, in the cluster at the end of its merge chain', () => {
		const clusters = [cluster('c1', 'Trees', 'c2'), cluster('c2', 'Green'), cluster('c3', 'Bikes')];
		const notes = [
			note('n1', 'c1', 3),
			note('n2', 'c2', 1),
			note('n3', '', 2),
			note('n4', 'c3', 4),
			note('n5', 'c3', 5, true),
			note('n6', 'gone', 6)
		];
		const groups = groupNotes(notes, clusters, resolverOf(clusters));
		expect(groups.map((g) => [g.cluster?.id ?? null, g.notes.map((n) => n.id)])).toEqual([
			[null, ['n3', 'n6']],
			['c3', ['n4']],
			['c2', ['n2', 'n1']]
		]);
		const shown = groups.flatMap((g) => g.notes.map((n) => n.id));
		expect(new Set(shown).size).toBe(shown.length);
	});

	it('draws one board from a merge cycle built by two offline facilitators', () => {
		const clusters = [cluster('b', 'Energy', 'a'), cluster('a', 'Solar', 'b')];
		const groups = groupNotes([note('n1', 'a'), note('n2', 'b')], clusters, resolverOf(clusters));
		expect(groups.map((g) => [g.cluster?.id ?? null, g.notes.length])).toEqual([
			[null, 0],
			['a', 2]
		]);
	});
});

describe('mergeTargets', () => {
	it('offers only the other clusters that still stand on their own', () => {
		const clusters = [cluster('c1', 'A', 'c2'), cluster('c2', 'B'), cluster('c3', 'C')];
		const targets = mergeTargets(clusters[2]!, clusters, resolverOf(clusters));
		expect(targets.map((c) => c.id)).toEqual(['c2']);
		expect(mergeTargets(clusters[1]!, clusters, resolverOf(clusters)).map((c) => c.id)).toEqual([
			'c3'
		]);
	});
});

describe('dropAction', () => {
	// c1 was merged into c2: n2 shows in c2 although its field still says c1.
	const clusters = [cluster('c1', 'Trees', 'c2'), cluster('c2', 'Green'), cluster('c3', 'Bikes')];
	const notes = [
		note('n1'),
		note('n2', 'c1'),
		note('n3', 'c3'),
		note('n4'),
		note('n5', '', 0, true)
	];
	const groups = groupNotes(notes, clusters, resolverOf(clusters));

	it('moves a note into the cluster it is dropped on, or out of every cluster', () => {
		expect(dropAction('n1', { cluster: 'c3' }, groups)).toEqual({
			kind: 'move',
			note: 'n1',
			cluster: 'c3'
		});
		expect(dropAction('n3', { cluster: 'c2' }, groups)).toEqual({
			kind: 'move',
			note: 'n3',
			cluster: 'c2'
		});
		expect(dropAction('n3', { cluster: null }, groups)).toEqual({
			kind: 'move',
			note: 'n3',
			cluster: ''
		});
	});

	it("on a note in a cluster, joins that note's (resolved) cluster", () => {
		expect(dropAction('n1', { note: 'n2' }, groups)).toEqual({
			kind: 'move',
			note: 'n1',
			cluster: 'c2'
		});
	});

	it('on a loose note, makes a new cluster of the two', () => {
		expect(dropAction('n1', { note: 'n4' }, groups)).toEqual({ kind: 'new', notes: ['n4', 'n1'] });
		expect(dropAction('n3', { note: 'n1' }, groups)).toEqual({ kind: 'new', notes: ['n1', 'n3'] });
	});

	it('changes nothing where the note already is, on itself, or for notes not shown', () => {
		expect(dropAction('n2', { cluster: 'c2' }, groups)).toEqual({ kind: 'none' });
		expect(dropAction('n2', { note: 'n2' }, groups)).toEqual({ kind: 'none' });
		expect(dropAction('n1', { cluster: null }, groups)).toEqual({ kind: 'none' });
		expect(dropAction('n1', { note: 'n1' }, groups)).toEqual({ kind: 'none' });
		// A hidden note, a note that is not there, a cluster merged away or unknown.
		expect(dropAction('n5', { cluster: 'c3' }, groups)).toEqual({ kind: 'none' });
		expect(dropAction('n1', { note: 'n5' }, groups)).toEqual({ kind: 'none' });
		expect(dropAction('zz', { cluster: 'c3' }, groups)).toEqual({ kind: 'none' });
		expect(dropAction('n1', { cluster: 'c1' }, groups)).toEqual({ kind: 'none' });
		expect(dropAction('n1', { cluster: 'nope' }, groups)).toEqual({ kind: 'none' });
	});
});
