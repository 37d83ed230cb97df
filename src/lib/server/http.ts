/**
 * Request and response helpers of the hub API. Every error leaves as
 * `{ error: { code, message } }` (PlazaError); every response is `cache-control: no-store`.
 */
import { PlazaError } from '$lib/domain/errors';
import { describeIssues, limits } from '$lib/domain/protocol';
import * as v from 'valibot';

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
	return new Response(JSON.stringify(body), {
		status,
		headers: {
			'content-type': 'application/json; charset=utf-8',
			'cache-control': 'no-store',
			...headers
		}
	});
}

/** A PlazaError that also sets response headers (such as `Retry-After` on a 429). */
export class HttpError extends PlazaError {
	constructor(
		code: PlazaError['code'],
		message: string,
		status: number,
		readonly headers: Record<string, string>
	) {
		super(code, message, status);
	}
}

/** 204 with no body. */
export function noContent(headers: Record<string, string> = {}): Response {
	return new Response(null, { status: 204, headers: { 'cache-control': 'no-store', ...headers } });
}

export function errorResponse(error: PlazaError): Response {
	return json(error.toBody(), error.status, error instanceof HttpError ? error.headers : {});
}

/** A PlazaError as its own answer; anything else is logged and answered as a 500. */
export function toErrorResponse(error: unknown): Response {
	if (error instanceof PlazaError) return errorResponse(error);
	console.error('plaza: request failed', error);
	return errorResponse(new PlazaError('server-error', 'The hub ran into a problem.', 500));
}

const tooLarge = (maxBytes: number) =>
	new PlazaError('payload-too-large', `A request body holds at most ${maxBytes} bytes.`, 413);

/** The body as bytes, refusing (413) as soon as it grows past `maxBytes`. */
export async function readBytes(request: Request, maxBytes: number): Promise<Uint8Array> {
	const declared = Number(request.headers.get('content-length') ?? 0);
	if (declared > maxBytes) throw tooLarge(maxBytes);
	if (!request.body) return new Uint8Array();
	const reader = request.body.getReader();
	const chunks: Uint8Array[] = [];
	let size = 0;
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		size += value.byteLength;
		if (size > maxBytes) {
			await reader.cancel();
			throw tooLarge(maxBytes);
		}
		chunks.push(value);
	}
	const bytes = new Uint8Array(size);
	let offset = 0;
	for (const chunk of chunks) {
		bytes.set(chunk, offset);
		offset += chunk.byteLength;
	}
	return bytes;
}

/** The parsed JSON body: 415 for another content type, 413 past `maxBytes`, 400 when invalid. */
export async function readJson(
	request: Request,
	maxBytes: number = limits.pushBytes
): Promise<unknown> {
	const type = request.headers.get('content-type') ?? '';
	if (!/^application\/json\s*(;|$)/i.test(type))
		throw new PlazaError('invalid-request', 'Send the body as application/json.', 415);
	const bytes = await readBytes(request, maxBytes);
	try {
		return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) as unknown;
	} catch {
		throw new PlazaError('invalid-request', 'The body is not valid JSON.', 400);
	}
}

/** `input` checked against `schema`; a 400 `invalid-request` naming the problem otherwise. */
export function parse<S extends v.GenericSchema>(schema: S, input: unknown): v.InferOutput<S> {
	const result = v.safeParse(schema, input);
	if (!result.success) throw new PlazaError('invalid-request', describeIssues(result.issues));
	return result.output;
}
