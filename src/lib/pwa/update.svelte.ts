/**
 * "A new version is ready": registers the service worker with workbox-window and tells the
 * page when a new version waits. The page never reloads by itself — a reload mid-workshop
 * would drop what someone is typing — so `applyUpdate()` runs only when the person asks.
 * A lazily loaded chunk that fails (the old version's files are gone from the server) also
 * offers the reload.
 */
import { dev } from '$app/environment';
import type { Workbox } from 'workbox-window';

const hour = 60 * 60 * 1000;

class AppUpdate {
	#updateReady = $state(false);
	#chunkFailed = $state(false);
	#workbox: Workbox | null = null;
	#started = false;

	/** A new service worker is installed and waiting for the person to reload. */
	get updateReady(): boolean {
		return this.#updateReady;
	}

	/** Part of the app failed to load; a reload fetches the current version. */
	get chunkFailed(): boolean {
		return this.#chunkFailed;
	}

	/** Starts watching for updates; call once from the root layout. */
	async start(): Promise<void> {
		if (this.#started || typeof window === 'undefined') return;
		this.#started = true;
		window.addEventListener('vite:preloadError', () => (this.#chunkFailed = true));
		window.addEventListener('unhandledrejection', (event) => {
			if (isChunkError(event.reason)) this.#chunkFailed = true;
		});
		if (dev || !('serviceWorker' in navigator)) return;
		const { Workbox } = await import('workbox-window');
		const workbox = new Workbox('/service-worker.js');
		workbox.addEventListener('waiting', () => (this.#updateReady = true));
		this.#workbox = workbox;
		const registration = await workbox.register();
		if (registration?.waiting && navigator.serviceWorker.controller) this.#updateReady = true;
		setInterval(() => void workbox.update().catch(() => undefined), hour);
	}

	/** Asks the service worker for an update now (also done hourly). */
	async check(): Promise<void> {
		await this.#workbox?.update();
	}

	/** Lets the waiting version take over, then reloads once it controls the page. */
	applyUpdate(): void {
		const waiting = this.#updateReady && navigator.serviceWorker?.controller;
		if (!this.#workbox || !waiting) {
			location.reload();
			return;
		}
		navigator.serviceWorker.addEventListener('controllerchange', () => location.reload(), {
			once: true
		});
		this.#workbox.messageSkipWaiting();
	}

	/** Marks a failed dynamic import (e.g. from a route's error) so the prompt offers a reload. */
	reportChunkError(error: unknown): void {
		if (isChunkError(error)) this.#chunkFailed = true;
	}
}

/** Browsers word it differently; all mention a module or chunk that failed to load. */
export function isChunkError(error: unknown): boolean {
	const message = error instanceof Error ? error.message : String(error);
	return /dynamically imported module|module script failed|importing a module script|preload/i.test(
		message
	);
}

export const appUpdate = new AppUpdate();
