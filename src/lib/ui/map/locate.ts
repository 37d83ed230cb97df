/** "Use my location": one reading of the device's position with its accuracy in metres. */
import type { Located } from './leaflet/overlays';

export type LocateFailure = 'unsupported' | 'denied' | 'unavailable' | 'timeout';

export class LocateError extends Error {
	constructor(readonly reason: LocateFailure) {
		super(reason);
	}
}

export function currentPosition(): Promise<Located> {
	return new Promise((resolve, reject) => {
		if (typeof navigator === 'undefined' || !navigator.geolocation)
			return reject(new LocateError('unsupported'));
		navigator.geolocation.getCurrentPosition(
			({ coords }) =>
				resolve({ lat: coords.latitude, lng: coords.longitude, accuracy: coords.accuracy }),
			(error) =>
				reject(
					new LocateError(
						error.code === error.PERMISSION_DENIED
							? 'denied'
							: error.code === error.TIMEOUT
								? 'timeout'
								: 'unavailable'
					)
				),
			{ enableHighAccuracy: true, timeout: 20_000, maximumAge: 30_000 }
		);
	});
}
