import { PlazaError } from '$lib/domain/errors';

export interface StorageState {
	/** `true` once the browser promised to keep our data; `null` when unknown. */
	persisted: boolean | null;
	/** Whether the browser has the Storage API at all. */
	supported: boolean;
}

function storageManager(): StorageManager | undefined {
	return typeof navigator === 'undefined' ? undefined : navigator.storage;
}

/** Whether the browser will keep this device's data under storage pressure. */
export async function storageState(): Promise<StorageState> {
	const storage = storageManager();
	if (!storage?.persisted) return { persisted: null, supported: false };
	try {
		return { persisted: await storage.persisted(), supported: true };
	} catch {
		return { persisted: null, supported: true };
	}
}

/** Ask once, after the first contribution, to keep data (DESIGN: "Storage"). */
export async function requestPersistence(): Promise<boolean> {
	const storage = storageManager();
	if (!storage?.persist) return false;
	try {
		return await storage.persist();
	} catch {
		return false;
	}
}

function isQuotaError(error: unknown, depth = 0): boolean {
	if (!error || typeof error !== 'object' || depth > 4) return false;
	const { name, inner, cause } = error as { name?: string; inner?: unknown; cause?: unknown };
	if (name === 'QuotaExceededError') return true;
	return isQuotaError(inner, depth + 1) || isQuotaError(cause, depth + 1);
}

/**
 * Chromium reports a full disk as an `AbortError` wrapping `QuotaExceededError`; Dexie wraps
 * it once more. The transaction has rolled back, so nothing stored is lost: say so plainly.
 */
export function translateStorageError(error: unknown): unknown {
	if (error instanceof PlazaError) return error;
	if (isQuotaError(error))
		return new PlazaError(
			'quota-exceeded',
			'This device has no room left for Plaza. Nothing already saved was lost.',
			507
		);
	return error;
}
