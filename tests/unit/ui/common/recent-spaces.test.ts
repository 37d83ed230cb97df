import { describe, expect, it } from 'vitest';
import { recentSpaces, rememberSpace } from '$lib/ui/common/recent-spaces';

function memoryStore(initial: Record<string, string> = {}) {
	const data = new Map(Object.entries(initial));
	return {
		getItem: (key: string) => data.get(key) ?? null,
		setItem: (key: string, value: string) => void data.set(key, value)
	};
}

describe('recent spaces', () => {
	it('keeps the most recent first, without duplicates', () => {
		const store = memoryStore();
		rememberSpace('a', store);
		rememberSpace('b', store);
		expect(rememberSpace('a', store)).toEqual(['a', 'b']);
		expect(recentSpaces(store)).toEqual(['a', 'b']);
	});

	it('survives garbage in storage', () => {
		expect(recentSpaces(memoryStore({ 'plaza.spaces': '{not json' }))).toEqual([]);
		expect(recentSpaces(memoryStore({ 'plaza.spaces': '[1,"x"]' }))).toEqual(['x']);
	});

	it('keeps at most 20 spaces', () => {
		const store = memoryStore();
		for (let i = 0; i < 25; i++) rememberSpace(`s${i}`, store);
		expect(recentSpaces(store)).toHaveLength(20);
		expect(recentSpaces(store)[0]).toBe('s24');
	});
});
