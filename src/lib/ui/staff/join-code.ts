/**
 * Join codes are read aloud in a hall and typed on phones. Groups of three are easy to say and
 * to hold in mind; a last group of one would be easy to miss, so it joins the group before.
 */
export function groupJoinCode(code: string, size = 3): string[] {
	const clean = code.replace(/[\s-]/g, '').toUpperCase();
	const groups: string[] = [];
	for (let i = 0; i < clean.length; i += size) groups.push(clean.slice(i, i + size));
	const last = groups.at(-1);
	if (groups.length > 1 && last !== undefined && last.length === 1) {
		groups.pop();
		groups[groups.length - 1] += last;
	}
	return groups;
}

/** The absolute link a participant opens to join: `<origin>/join/<code>`. */
export function joinLink(origin: string, code: string): string {
	return new URL(`/join/${encodeURIComponent(code)}`, origin).href;
}

/** An absolute URL for a path the hub answered with (invite links are `/invite/<token>`). */
export function absoluteUrl(origin: string, path: string): string {
	return new URL(path, origin).href;
}

/** A hub timestamp (ISO text or epoch ms) as epoch ms; NaN when it is neither. */
export function toMs(value: string | number | null | undefined): number {
	if (typeof value === 'number') return value;
	if (typeof value !== 'string' || value === '') return Number.NaN;
	return /^\d+$/.test(value) ? Number(value) : Date.parse(value);
}
