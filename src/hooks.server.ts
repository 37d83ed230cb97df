import type { ServerInit } from '@sveltejs/kit';
import { getHub } from '$lib/server/hub';

/** Opens the hub (database, migrations, live channel) before the first request is served. */
export const init: ServerInit = async () => {
	await getHub();
};
