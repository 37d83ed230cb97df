/**
 * Hybrid logical clock (Kulkarni et al., as used by Actual Budget).
 *
 * Guarantees:
 * - `tick` and `receive` never return a value lower than or equal to any value this clock
 *   has returned or seen, whatever the wall clock does (skew, jumps backwards).
 * - Timestamps are strings that sort lexicographically in causal order; the node id at the
 *   end breaks ties, so two devices never produce equal timestamps.
 * - Wall time never runs more than `maxDrift` ahead of the local clock through `receive`
 *   (a remote clock far in the future is clamped, not adopted), so one bad device cannot
 *   drag everyone forward or lock anyone out.
 */

export interface Hlc {
	/** Milliseconds since the epoch. */
	wall: number;
	counter: number;
	node: string;
}

const wallDigits = 15;
const counterDigits = 6;
const maxCounter = 36 ** counterDigits - 1;
export const maxDriftMs = 60_000;

export function formatHlc({ wall, counter, node }: Hlc): string {
	return `${wall.toString().padStart(wallDigits, '0')}:${counter.toString(36).padStart(counterDigits, '0')}:${node}`;
}

const hlcPattern = /^(\d{15}):([0-9a-z]{6}):(.+)$/;

export function parseHlc(value: string): Hlc {
	const match = hlcPattern.exec(value);
	if (!match) throw new Error(`Not a hybrid logical clock value: ${value}`);
	return { wall: Number(match[1]), counter: parseInt(match[2]!, 36), node: match[3]! };
}

export function isHlc(value: string): boolean {
	return hlcPattern.test(value);
}

/** The clock of a node that has not yet seen anything. */
export function zeroHlc(node: string): Hlc {
	return { wall: 0, counter: 0, node };
}

function next(wall: number, counter: number, node: string): Hlc {
	if (counter > maxCounter) return { wall: wall + 1, counter: 0, node };
	return { wall, counter, node };
}

/** A timestamp for a local event, after `last`. */
export function tick(last: Hlc, now: number): Hlc {
	if (now > last.wall) return { wall: now, counter: 0, node: last.node };
	return next(last.wall, last.counter + 1, last.node);
}

/** Advance the local clock past a remote timestamp, clamping a remote far in the future. */
export function receive(last: Hlc, remote: Hlc, now: number): Hlc {
	const remoteWall = Math.min(remote.wall, now + maxDriftMs);
	const wall = Math.max(last.wall, remoteWall, now);
	if (wall === last.wall && wall === remoteWall)
		return next(wall, Math.max(last.counter, remote.counter) + 1, last.node);
	if (wall === last.wall) return next(wall, last.counter + 1, last.node);
	if (wall === remoteWall) return next(wall, remote.counter + 1, last.node);
	return { wall, counter: 0, node: last.node };
}

/**
 * The hub's view of an incoming timestamp: one more than `now + maxDrift` is clamped down to
 * that bound (keeping its node), instead of being rejected as Actual once did.
 */
export function clampHlc(value: string, now: number): string {
	const hlc = parseHlc(value);
	const bound = now + maxDriftMs;
	return hlc.wall > bound
		? formatHlc({ wall: bound, counter: hlc.counter, node: hlc.node })
		: value;
}

export function compareHlc(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}
