/**
 * The kiosk's clock: how long a visitor may pause before a half-typed entry is wiped, and how
 * long "Thank you" stays up. Both can be shortened by query parameters (`?idle=2&thanks=1`,
 * seconds) so a browser test need not wait a minute; out-of-range values fall back to the
 * defaults rather than let a typo leave an entry on screen forever.
 */

export interface KioskTimings {
	/** Milliseconds without input before the form is cleared. */
	idleMs: number;
	/** Milliseconds the thank-you screen is shown after a submit. */
	thanksMs: number;
}

export const defaultTimings: KioskTimings = { idleMs: 60_000, thanksMs: 4_000 };

function seconds(value: string | null, min: number, max: number): number | undefined {
	if (value === null || value.trim() === '') return undefined;
	const parsed = Number(value);
	if (!Number.isFinite(parsed) || parsed < min || parsed > max) return undefined;
	return Math.round(parsed * 1000);
}

/** The timings asked for by `idle` and `thanks` (seconds), else the defaults. */
export function kioskTimings(params: URLSearchParams): KioskTimings {
	return {
		idleMs: seconds(params.get('idle'), 1, 3600) ?? defaultTimings.idleMs,
		thanksMs: seconds(params.get('thanks'), 0.5, 60) ?? defaultTimings.thanksMs
	};
}

/** A resettable one-shot timer: `poke` restarts the countdown, `stop` cancels it. */
export interface IdleTimer {
	poke(): void;
	stop(): void;
}

/** Calls `onIdle` once `ms` pass without a `poke`; it starts stopped until the first poke. */
export function idleTimer(ms: number, onIdle: () => void): IdleTimer {
	let handle: ReturnType<typeof setTimeout> | undefined;
	const stop = () => {
		if (handle !== undefined) clearTimeout(handle);
		handle = undefined;
	};
	return {
		poke() {
			stop();
			handle = setTimeout(() => {
				handle = undefined;
				onIdle();
			}, ms);
		},
		stop
	};
}
