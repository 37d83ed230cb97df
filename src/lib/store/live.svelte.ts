/**
 * Dexie `liveQuery` → Svelte 5 runes. The Dexie subscription opens when a component (or any
 * effect) first reads `current`, `loading` or `error`, and closes when none reads it any more;
 * the query re-runs whenever a table it read changes, in this tab or any other.
 *
 *   const ideas = live(() => ideasInSpace(space));   // ideas.current, ideas.loading, ideas.error
 */
import { liveQuery } from 'dexie';
import { createSubscriber } from 'svelte/reactivity';

export class LiveQuery<T> {
	#current = $state<T | undefined>(undefined);
	#error = $state<unknown>(undefined);
	#loading = $state(true);
	readonly #subscribe: () => void;

	constructor(query: () => Promise<T> | T, initial?: T) {
		this.#current = initial;
		this.#subscribe = createSubscriber(() => {
			const subscription = liveQuery(query).subscribe({
				next: (value) => {
					this.#current = value;
					this.#error = undefined;
					this.#loading = false;
				},
				error: (error: unknown) => {
					this.#error = error;
					this.#loading = false;
				}
			});
			return () => subscription.unsubscribe();
		});
	}

	get current(): T | undefined {
		this.#subscribe();
		return this.#current;
	}

	get error(): unknown {
		this.#subscribe();
		return this.#error;
	}

	get loading(): boolean {
		this.#subscribe();
		return this.#loading;
	}
}

/** Shorthand for `new LiveQuery(query, initial)`. */
export function live<T>(query: () => Promise<T> | T, initial?: T): LiveQuery<T> {
	return new LiveQuery(query, initial);
}
