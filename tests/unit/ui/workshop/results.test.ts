import { describe, expect, it } from 'vitest';
import { participationByLanguage } from '$lib/ui/language/language-filter';
import { categoryVotes, participation, topNotes } from '$lib/ui/workshop/staff/results';

const note = (
	id: string,
	author: string,
	category: string,
	language: string,
	createdAt: number
) => ({
	id,
	author,
	fields: { text: id, category, cluster: '', language, createdAt }
});

const notes = [
	note('n1', 'p1', 'energy', 'de', 0),
	note('n2', 'p2', 'mobility', 'fr', 60_000),
	note('n3', 'p1', 'energy', 'de', 1_300_000),
	note('n4', 'p3', '', 'de', 1_400_000)
];
const votes = new Map([
	['n1', 3],
	['n2', 5],
	['n3', 4]
]);

describe('results', () => {
	it('ranks themes by the votes of their notes', () => {
		expect(categoryVotes(notes, votes)).toEqual(
			new Map([
				['energy', 7],
				['mobility', 5],
				['', 0]
			])
		);
	});

	it('lists the top voted notes only', () => {
		expect(topNotes(notes, votes, 2).map((e) => [e.note.id, e.votes])).toEqual([
			['n2', 5],
			['n3', 4]
		]);
	});

	it('counts languages, most used first', () => {
		const counts = participationByLanguage(notes).map(({ language, count }) => ({
			language,
			count
		}));
		expect(counts).toEqual([
			{ language: 'de', count: 3 },
			{ language: 'fr', count: 1 }
		]);
	});

	it('buckets notes and people by time, keeping empty slots', () => {
		expect(participation(notes)).toEqual([
			{ start: 0, notes: 2, people: 2 },
			{ start: 600_000, notes: 0, people: 0 },
			{ start: 1_200_000, notes: 2, people: 2 }
		]);
		expect(participation([])).toEqual([]);
	});
});
