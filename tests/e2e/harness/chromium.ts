import type { LaunchOptions } from '@playwright/test';
import { existsSync } from 'node:fs';

const systemChromium = '/usr/bin/chromium';

/**
 * Debian's Chromium when it is installed (this machine has no Playwright browser download),
 * otherwise Playwright's own. The flags keep a headless run quiet on a small shared machine.
 */
export const chromiumLaunchOptions: LaunchOptions = existsSync(systemChromium)
	? {
			executablePath: systemChromium,
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync'
			]
		}
	: {};
