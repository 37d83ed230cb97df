/**
 * What the browser benchmarks share: a static file server for a Vite-built bench page (on
 * 127.0.0.1, so nothing leaves the machine) and the median of repeated runs.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import path from 'node:path';

const types: Record<string, string> = {
	'.html': 'text/html',
	'.js': 'text/javascript',
	'.css': 'text/css',
	'.png': 'image/png'
};

/** Serves the files below `dir` until `server.close()`. */
export function serveStatic(dir: string): Promise<{ server: Server; url: string }> {
	const server = createServer((request, response) => {
		const file = new URL(request.url ?? '/', 'http://x').pathname.replace(/\/$/, '/index.html');
		const full = path.join(dir, path.normalize(file));
		try {
			const body = readFileSync(full);
			response.writeHead(200, { 'content-type': types[path.extname(full)] ?? 'text/plain' });
			response.end(body);
		} catch {
			response.writeHead(404).end();
		}
	});
	return new Promise((resolve) =>
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			resolve({ server, url: `http://127.0.0.1:${port}/` });
		})
	);
}

export function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
