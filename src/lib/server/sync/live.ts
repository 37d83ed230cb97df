/**
 * Live channel: "space S changed, its cursor is now C". Pushes announce through the database
 * (`NOTIFY plaza_changes`), and every hub process LISTENs, so a change made through one hub
 * instance reaches Server-Sent-Event subscribers of all instances on the same PostgreSQL.
 */
import type { Db } from '../db/client';

export const changesChannel = 'plaza_changes';
export const heartbeatMs = 25_000;

export interface ChangeNotice {
	space: string;
	cursor: string;
}

type Subscriber = (notice: ChangeNotice) => void;

function parseNotice(payload: string): ChangeNotice | undefined {
	try {
		const value = JSON.parse(payload) as Partial<ChangeNotice>;
		if (typeof value.space === 'string' && typeof value.cursor === 'string')
			return { space: value.space, cursor: value.cursor };
	} catch {
		// another program's message on our channel: not ours to handle
	}
	return undefined;
}

export class LiveChannel {
	#subscribers = new Map<string, Set<Subscriber>>();
	#unlisten: (() => Promise<void>) | undefined;

	constructor(private readonly db: Db) {}

	async start(): Promise<void> {
		this.#unlisten ??= await this.db.listen(changesChannel, (payload) => {
			const notice = parseNotice(payload);
			if (!notice) return;
			for (const subscriber of this.#subscribers.get(notice.space) ?? []) subscriber(notice);
		});
	}

	/** Calls `subscriber` on every change of `space`; returns the unsubscribe function. */
	subscribe(space: string, subscriber: Subscriber): () => void {
		const set = this.#subscribers.get(space) ?? new Set();
		this.#subscribers.set(space, set);
		set.add(subscriber);
		return () => {
			set.delete(subscriber);
			if (set.size === 0 && this.#subscribers.get(space) === set) this.#subscribers.delete(space);
		};
	}

	subscriberCount(space: string): number {
		return this.#subscribers.get(space)?.size ?? 0;
	}

	announce(notice: ChangeNotice): Promise<void> {
		return this.db.notify(changesChannel, JSON.stringify(notice));
	}

	async close(): Promise<void> {
		await this.#unlisten?.();
		this.#unlisten = undefined;
		this.#subscribers.clear();
	}
}

/**
 * A Server-Sent-Events body for one space: `event: change` with `{"cursor": …}` per change, a
 * comment every `heartbeat` ms so proxies keep the connection, and cleanup when the client goes
 * away (`signal` aborts or the stream is cancelled).
 */
export function changeStream(
	live: LiveChannel,
	space: string,
	signal?: AbortSignal,
	heartbeat = heartbeatMs
): ReadableStream<Uint8Array> {
	const encoder = new TextEncoder();
	let stop = () => {};
	return new ReadableStream<Uint8Array>({
		start(controller) {
			const send = (text: string) => {
				try {
					controller.enqueue(encoder.encode(text));
				} catch {
					stop();
				}
			};
			const unsubscribe = live.subscribe(space, ({ cursor }) =>
				send(`event: change\ndata: ${JSON.stringify({ cursor })}\n\n`)
			);
			const timer = setInterval(() => send(': heartbeat\n\n'), heartbeat);
			stop = () => {
				clearInterval(timer);
				unsubscribe();
				signal?.removeEventListener('abort', onAbort);
			};
			const onAbort = () => {
				stop();
				try {
					controller.close();
				} catch {
					// already closed
				}
			};
			signal?.addEventListener('abort', onAbort);
			send('retry: 5000\n: connected\n\n');
		},
		cancel() {
			stop();
		}
	});
}
