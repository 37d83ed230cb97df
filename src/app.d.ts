// See https://svelte.dev/docs/kit/types#app.d.ts
import type { Actor } from '$lib/domain/auth';

declare global {
	namespace App {
		interface Error {
			code?: string;
		}
		interface Locals {
			/** Who is asking, resolved by hooks.server.ts for every API request. */
			actor: Actor;
		}
	}
}

export {};
