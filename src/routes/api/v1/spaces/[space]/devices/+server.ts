import { context } from '$lib/server/http/context';
import { handleDevices } from '$lib/server/workshop/devices';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) =>
	handleDevices(event.params.space, await context(event));
