import { errorCodes, PlazaError, type ErrorCode } from '$lib/domain/errors';

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

function isErrorCode(code: unknown): code is ErrorCode {
	return typeof code === 'string' && (errorCodes as readonly string[]).includes(code);
}

async function errorFrom(response: Response): Promise<PlazaError> {
	const body = (await response.json().catch(() => null)) as {
		error?: { code?: unknown; message?: unknown };
	} | null;
	const code = body?.error?.code;
	const message = typeof body?.error?.message === 'string' ? body.error.message : '';
	if (isErrorCode(code)) return new PlazaError(code, message, response.status);
	if (response.status === 426)
		return new PlazaError('unsupported-protocol', message, response.status);
	return new PlazaError(
		'server-error',
		message || `The hub answered ${response.status}.`,
		response.status
	);
}

/**
 * The one fetch wrapper of the client: JSON in, JSON out, every failure a `PlazaError`
 * (`network` when the hub could not be reached, the hub's own code otherwise).
 */
export class Api {
	#token: string | null = null;

	constructor(
		private readonly fetchFn: FetchLike = (input, init) => globalThis.fetch(input, init),
		private readonly baseUrl = ''
	) {}

	/** The session token sent as `Authorization: Bearer` (accounts come later). */
	setToken(token: string | null): void {
		this.#token = token;
	}

	url(path: string): string {
		return `${this.baseUrl}${path}`;
	}

	async request<T>(path: string, init: RequestInit = {}): Promise<T> {
		const headers = new Headers(init.headers);
		headers.set('accept', 'application/json');
		if (init.body !== undefined) headers.set('content-type', 'application/json');
		if (this.#token) headers.set('authorization', `Bearer ${this.#token}`);
		let response: Response;
		try {
			response = await this.fetchFn(this.url(path), { ...init, headers });
		} catch (error) {
			throw new PlazaError('network', error instanceof Error ? error.message : String(error), 0);
		}
		if (!response.ok) throw await errorFrom(response);
		try {
			return (await response.json()) as T;
		} catch {
			throw new PlazaError(
				'server-error',
				'The hub sent an answer that is not JSON.',
				response.status
			);
		}
	}
}

/** The app's API client. */
export const api = new Api();

/** `api.request` for callers that need no other client. */
export function request<T>(path: string, init?: RequestInit): Promise<T> {
	return api.request<T>(path, init);
}
