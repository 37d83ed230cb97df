// Production entry: `npm start` builds, then runs this. It sets Plaza's defaults for the
// SvelteKit node server and starts the build chosen by PLAZA_BUILD_DIR (default ./build).
import { pathToFileURL } from 'node:url';
import path from 'node:path';

process.env.PORT ??= '3000';
// The hub answers oversized pushes itself with a clear JSON error (limits.pushBytes), so the
// adapter's own cut-off sits above it.
process.env.BODY_SIZE_LIMIT ??= '4M';
process.env.PLAZA_DATA_DIR ??= './data';

const buildDir = path.resolve(process.env.PLAZA_BUILD_DIR ?? 'build');
await import(pathToFileURL(path.join(buildDir, 'index.js')).href);
