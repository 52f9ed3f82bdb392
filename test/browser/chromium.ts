import { existsSync } from 'node:fs';

/** The machine's Chromium (Debian package `chromium`); CI installs it (.ci/run). */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM_PATH);
export const SKIP_MESSAGE = 'browser tests skipped: Chromium not found (apt-get install chromium)';
