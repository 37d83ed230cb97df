/** A pledge's origin from `?origin=` (mapIdea:<id> or activity:<id>); '' when absent or invalid. */
import { parseOrigin } from '$lib/domain/records';

export function originParam(value: string | null): string {
	const origin = value ? parseOrigin(value) : undefined;
	return origin ? `${origin.type}:${origin.id}` : '';
}
