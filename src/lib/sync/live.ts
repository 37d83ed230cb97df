/**
 * The live channels of the leader tab: one Server-Sent Events stream per followed space, each
 * a hint to pull. EventSource cannot set headers, so a participant token rides in the URL
 * (`?token=`); a channel is reopened when its space's token changes and closed when the
 * space is no longer followed (e.g. after erasing).
 */
import type { EventSourceLike } from './environment';

type Open = new (url: string) => EventSourceLike;

export class LiveChannels {
	#sources = new Map<string, { url: string; source: EventSourceLike }>();

	constructor(
		private readonly open: Open | undefined,
		private readonly url: (path: string) => string,
		private readonly onChange: () => void
	) {}

	/** Keep exactly one channel for each of `spaces`, with the URL its token asks for. */
	follow(spaces: string[], tokens: Record<string, string>): void {
		const wanted = new Map(spaces.map((space) => [space, this.#urlFor(space, tokens[space])]));
		for (const [space, { url, source }] of this.#sources) {
			if (wanted.get(space) === url) continue;
			source.close();
			this.#sources.delete(space);
		}
		if (!this.open) return;
		for (const [space, url] of wanted) {
			if (this.#sources.has(space)) continue;
			const source = new this.open(url);
			source.addEventListener('change', () => this.onChange());
			this.#sources.set(space, { url, source });
		}
	}

	close(): void {
		this.#sources.forEach(({ source }) => source.close());
		this.#sources.clear();
	}

	#urlFor(space: string, token: string | undefined): string {
		const query = new URLSearchParams({ space });
		if (token) query.set('token', token);
		return this.url(`/api/v1/events?${query}`);
	}
}
