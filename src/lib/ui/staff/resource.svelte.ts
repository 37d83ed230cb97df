/**
 * Something the page asks the hub for (a list of spaces, the audit log): its data, whether it
 * is loading, and the error of the last attempt. The last good data stays while reloading, so
 * a list does not blink on every refresh.
 */
export class Resource<T> {
	#data = $state<T | undefined>(undefined);
	#error = $state<unknown>(undefined);
	#loading = $state(false);
	readonly #load: () => Promise<T>;

	constructor(load: () => Promise<T>) {
		this.#load = load;
	}

	get data(): T | undefined {
		return this.#data;
	}

	get error(): unknown {
		return this.#error;
	}

	get loading(): boolean {
		return this.#loading;
	}

	async reload(): Promise<void> {
		this.#loading = true;
		this.#error = undefined;
		try {
			this.#data = await this.#load();
		} catch (error) {
			this.#error = error;
		} finally {
			this.#loading = false;
		}
	}
}
