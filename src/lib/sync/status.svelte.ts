/**
 * The sync status every tab shows. The leader tab's engine reports its phase here and
 * broadcasts it; other tabs receive it over BroadcastChannel. Pending and rejected counts
 * come from the outbox itself through a live query, so every tab counts the same rows.
 */
import type { ErrorCode } from '$lib/domain/errors';
import { watchOutboxSummary } from '$lib/store/queries';

export type SyncPhase =
	'starting' | 'idle' | 'behind' | 'syncing' | 'offline' | 'error' | 'update-required';

export interface SyncStatusView {
	state: 'offline' | 'waiting' | 'syncing' | 'synced' | 'error' | 'update-required';
	/** Mutations not yet confirmed by the hub (rejected ones excluded). */
	pending: number;
	lastSyncedAt: number | null;
	error?: { code: ErrorCode; message: string };
	/** Mutations the hub refused, waiting for retry or discard. */
	rejected: number;
}

/** What the leader shares with the other tabs. */
export interface SyncReport {
	phase: SyncPhase;
	lastSyncedAt: number | null;
	error?: { code: ErrorCode; message: string };
}

export class SyncStatus {
	#report = $state<SyncReport>({ phase: 'starting', lastSyncedAt: null });
	#pending = $state(0);
	#rejected = $state(0);
	#retry: () => void = () => {};
	#disconnect: (() => void) | null = null;

	get current(): SyncStatusView {
		const { phase, lastSyncedAt, error } = this.#report;
		const view: SyncStatusView = {
			state: stateOf(phase, this.#pending),
			pending: this.#pending,
			lastSyncedAt,
			rejected: this.#rejected
		};
		if (error) view.error = error;
		return view;
	}

	get report(): SyncReport {
		return this.#report;
	}

	/** Replace the leader's report (from this tab's engine or a broadcast). */
	update(report: SyncReport): void {
		this.#report = report;
	}

	/** Follow the outbox counts; safe to call twice. */
	connect(): void {
		this.#disconnect ??= watchOutboxSummary((summary) => {
			this.#pending = summary.waiting + summary.sent;
			this.#rejected = summary.rejected;
		});
	}

	disconnect(): void {
		this.#disconnect?.();
		this.#disconnect = null;
	}

	/** The engine's "try again now" (resets the backoff). */
	onRetry(handler: () => void): void {
		this.#retry = handler;
	}

	/** The person tapped "retry". */
	retry(): void {
		this.#retry();
	}
}

function stateOf(phase: SyncPhase, pending: number): SyncStatusView['state'] {
	if (phase === 'syncing' || phase === 'offline' || phase === 'error') return phase;
	if (phase === 'update-required') return phase;
	return phase === 'idle' && pending === 0 ? 'synced' : 'waiting';
}

export const syncStatus = new SyncStatus();
