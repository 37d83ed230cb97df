import { handleGetBlob, handlePutBlob } from '$lib/server/blobs/handlers';
import { context } from '$lib/server/http/context';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) =>
	handleGetBlob(event.request, event.params.sha256, await context(event));

export const PUT: RequestHandler = async (event) =>
	handlePutBlob(event.request, event.params.sha256, await context(event));
