/**
 * The two production builds the e2e suite serves: A is what every test runs, B is the "next
 * release" the update test deploys over A on the same origin. Versions are read back from the
 * build output, so a reused build (PLAZA_E2E_SKIP_BUILD=1) still reports the truth.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { rootDir } from '../../fixtures/hub';

export interface BuildSpec {
	/** Output folder of adapter-node, relative to the project root. */
	dir: string;
	/** The version baked in when this suite builds it. */
	version: string;
}

// PLAZA_E2E_BUILD_A / _B point the suite at other output folders (absolute or root-relative).
export const buildA: BuildSpec = {
	dir: process.env.PLAZA_E2E_BUILD_A ?? 'build',
	version: '0.1.0-e2e.a'
};
export const buildB: BuildSpec = {
	dir: process.env.PLAZA_E2E_BUILD_B ?? 'build-next',
	version: '0.1.0-e2e.b'
};

export function buildExists(spec: BuildSpec): boolean {
	return existsSync(path.resolve(rootDir, spec.dir, 'index.js'));
}

/** The version the build in `spec.dir` was made with (SvelteKit's `_app/version.json`). */
export function builtVersion(spec: BuildSpec): string {
	const file = path.resolve(rootDir, spec.dir, 'client', '_app', 'version.json');
	return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
}
