/**
 * The sync loop. One tab leads (Web Lock, leader.ts); it pushes the outbox, then pulls every
 * space the device follows page by page, each space with its own participant token (push.ts,
 * pull.ts). A space the hub refuses (401/403) keeps its outbox and turns the status to
 * `error` once the other spaces have synced. Other tabs only write and nudge the leader over
 * BroadcastChannel; the leader broadcasts its status back.
 *
 * Triggers: start, `online`, tab visible, 1 s after a local write (`nudge`), an SSE `change`
 * on a watched space, and every 60 s. Failures back off (backoff.ts) until a success or a
 * person's retry. Connectivity is judged from request results only, never `navigator.onLine`.
 * Every browser API is injectable so the engine runs in Node tests.
 */
import { PlazaError } from '$lib/domain/errors';
import { openDb } from '$lib/store/db';
import { getIdentity } from '$lib/store/identity';
import { onLocalWrite } from '$lib/store/local-writes';
import { setLastSyncedAt, syncedSpaces, watchSpace, watchedSpaces } from '$lib/store/remote';
import { spaceTokens } from '$lib/store/spaces';
import { Api } from './api';
import { backoffDelay } from './backoff';
import { uploadBlobs } from './blobs';
import { acquireLeadership } from './leader';
import { LiveChannels } from './live';
import { pullSpaces } from './pull';
import { pushOutbox } from './push';
import { syncStatus, type SyncReport, type SyncStatus } from './status.svelte';
import { defaultEnvironment, type SyncEnvironment, type Timer } from './environment';

export const periodMs = 60_000;
export const debounceMs = 1_000;

type Message =
	{ type: 'nudge' } | { type: 'sync' } | { type: 'hello' } | { type: 'status'; report: SyncReport };

export class SyncEngine {
	#env: SyncEnvironment | null = null;
	#api: Api | null = null;
	#leader = false;
	#running: Promise<void> | null = null;
	#again = false;
	#failures = 0;
	#timer: Timer | null = null;
	#debounce: Timer | null = null;
	#live: LiveChannels | null = null;
	#cleanup: (() => void)[] = [];

	constructor(
		private readonly envFactory: () => SyncEnvironment = defaultEnvironment,
		readonly status: SyncStatus = syncStatus
	) {}

	get leader(): boolean {
		return this.#leader;
	}

	/** Begin syncing in this tab (or follow the leader tab). Safe to call twice. */
	start(): void {
		if (this.#env) return;
		const env = (this.#env = this.envFactory());
		const api = (this.#api = new Api(env.fetch, env.baseUrl));
		this.#live = new LiveChannels(env.EventSource, (path) => api.url(path), this.#syncSoon);
		void openDb();
		this.status.connect();
		this.status.onRetry(() => void this.retry());
		const channel = env.BroadcastChannel ? new env.BroadcastChannel('plaza-sync') : null;
		if (channel) {
			channel.onmessage = (event) => this.#onMessage(event.data as Message);
			this.#cleanup.push(() => channel.close());
		}
		this.#post = (message) => channel?.postMessage(message);
		this.#cleanup.push(acquireLeadership(env.locks, () => this.#lead()));
		this.#post({ type: 'hello' });
		this.#cleanup.push(onLocalWrite(() => this.nudge()));
		this.#cleanup.push(env.onOnline(this.#syncSoon), env.onVisible(this.#syncSoon));
	}

	/** Stop syncing, close live channels, give up leadership. */
	stop(): void {
		this.#cleanup.forEach((fn) => fn());
		this.#cleanup = [];
		this.#live?.close();
		this.#live = null;
		this.#clearTimers();
		this.status.disconnect();
		this.#leader = false;
		this.#env = null;
	}

	/** Follow a space the UI opened: pulled from now on, live changes in the leader. */
	async watch(space: string): Promise<void> {
		await watchSpace(space);
		await this.syncNow();
	}

	/** A local write happened: sync in a second (several writes share one sync). */
	nudge(): void {
		const env = this.#env;
		if (!env) return;
		if (!this.#leader) return this.#post({ type: 'nudge' });
		if (this.#debounce !== null) env.clearTimeout(this.#debounce);
		this.#debounce = env.setTimeout(() => {
			this.#debounce = null;
			void this.syncNow();
		}, debounceMs);
	}

	/** Sync now; resolves when this sync (and any asked for meanwhile) is done. */
	syncNow(): Promise<void> {
		if (!this.#env) return Promise.resolve();
		if (!this.#leader) {
			this.#post({ type: 'sync' });
			return Promise.resolve();
		}
		if (this.#running) {
			this.#again = true;
			return this.#running;
		}
		this.#running = this.#loop().finally(() => (this.#running = null));
		return this.#running;
	}

	/** Resolves once no sync is running (tests and "save before leaving" use it). */
	async settled(): Promise<void> {
		while (this.#running) await this.#running;
	}

	/** The person asked to try again: forget the backoff and sync now. */
	retry(): Promise<void> {
		this.#failures = 0;
		return this.syncNow();
	}

	#post: (message: Message) => void = () => {};
	#syncSoon = (): void => void this.syncNow();

	async #loop(): Promise<void> {
		do {
			this.#again = false;
			await this.#cycle();
		} while (this.#again && this.#env);
	}

	async #cycle(): Promise<void> {
		const env = this.#env!;
		const lastSyncedAt = this.status.report.lastSyncedAt;
		this.#report({ phase: 'syncing', lastSyncedAt });
		try {
			const caughtUp = await this.#pushAndPull(this.#api!);
			const now = env.now();
			await setLastSyncedAt(now);
			this.#failures = 0;
			this.#report({ phase: caughtUp ? 'idle' : 'behind', lastSyncedAt: now });
			this.#schedule(periodMs);
		} catch (cause) {
			const error =
				cause instanceof PlazaError ? cause : new PlazaError('server-error', String(cause), 500);
			const failure = { code: error.code, message: error.message };
			if (error.code === 'unsupported-protocol') {
				// The outbox stays; only an app update can sync it. No automatic retries.
				return this.#report({ phase: 'update-required', lastSyncedAt, error: failure });
			}
			this.#failures += 1;
			const phase = error.code === 'network' ? 'offline' : 'error';
			this.#report({ phase, lastSyncedAt, error: failure });
			this.#schedule(backoffDelay(this.#failures, env.random));
		}
	}

	/** One round; true when every space's pull has passed this device's last push. */
	async #pushAndPull(api: Api): Promise<boolean> {
		const tokens = await spaceTokens();
		const upload = (space: string, token?: string) =>
			uploadBlobs(this.#env!.fetch, api, space, token);
		const pushed = await pushOutbox(api, await getIdentity(), tokens, upload);
		// Another tab may have opened (or erased) a space since: follow exactly the watched ones.
		this.#live?.follow(await watchedSpaces(), tokens);
		const pulled = await pullSpaces(api, await syncedSpaces(), tokens);
		const refused = Object.values({ ...pushed.refused, ...pulled.refused });
		if (refused[0]) throw refused[0];
		return pulled.caughtUp;
	}

	#report(report: SyncReport): void {
		this.status.update(report);
		this.#post({ type: 'status', report });
	}

	#schedule(delay: number): void {
		const env = this.#env;
		if (!env) return;
		if (this.#timer !== null) env.clearTimeout(this.#timer);
		this.#timer = env.setTimeout(() => {
			this.#timer = null;
			void this.syncNow();
		}, delay);
	}

	#clearTimers(): void {
		const env = this.#env;
		if (this.#timer !== null) env?.clearTimeout(this.#timer);
		if (this.#debounce !== null) env?.clearTimeout(this.#debounce);
		this.#timer = this.#debounce = null;
	}

	#lead(): void {
		if (!this.#env) return;
		this.#leader = true;
		void this.syncNow();
	}

	#onMessage(message: Message): void {
		if (message.type === 'status' && !this.#leader) return this.status.update(message.report);
		if (!this.#leader) return;
		if (message.type === 'nudge') this.nudge();
		if (message.type === 'sync') void this.syncNow();
		if (message.type === 'hello') this.#post({ type: 'status', report: this.status.report });
	}
}

/** The app's engine: `syncEngine.start()` once the app shell runs in the browser. */
export const syncEngine = new SyncEngine();
