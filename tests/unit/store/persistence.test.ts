import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PlazaError } from '$lib/domain/errors';
import { storageState, translateStorageError } from '$lib/store/persistence';
import { createIdea } from '$lib/store/records';
import { ideaForm } from '$tests/fixtures/records';
import { freshDb } from './fresh-db';

beforeEach(() => {
	freshDb();
});
afterEach(() => {
	vi.unstubAllGlobals();
});

describe('storage persistence', () => {
	it('asks navigator.storage.persist() once, after the first contribution', async () => {
		const persist = vi.fn(async () => true);
		vi.stubGlobal('navigator', { storage: { persist, persisted: async () => false } });
		expect(await storageState()).toEqual({ persisted: false, supported: true });
		expect(persist).not.toHaveBeenCalled();
		await createIdea('park', ideaForm());
		await createIdea('park', ideaForm());
		expect(persist).toHaveBeenCalledTimes(1);
	});

	it('reports an unsupported Storage API', async () => {
		vi.stubGlobal('navigator', {});
		expect(await storageState()).toEqual({ persisted: null, supported: false });
	});
});

describe('translateStorageError', () => {
	it('recognises a quota error however deeply it is wrapped', () => {
		const quota = new DOMException('full', 'QuotaExceededError');
		const wrapped = new Error('abort', { cause: { name: 'AbortError', inner: quota } });
		expect(translateStorageError(wrapped)).toMatchObject({ code: 'quota-exceeded' });
		expect(translateStorageError(quota)).toBeInstanceOf(PlazaError);
		const other = new Error('other');
		expect(translateStorageError(other)).toBe(other);
	});
});
