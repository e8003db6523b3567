import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/**
 * Headless Chromium for the page tests, driven by playwright-core.
 *
 * The machine has no internet: the flags keep Chromium from reaching for
 * update, sync and field-trial hosts at start (it would otherwise open many
 * refused connections), and every page is served from loopback.
 * `.ci/run` installs Debian's `chromium` when it is missing; elsewhere set
 * `CHROMIUM_PATH` or install it (`apt-get install chromium`).
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export interface TestBrowser {
  browser: Browser;
  /** A new isolated context (own cookies and storage), phone-sized when asked. */
  newPage(options?: { phone?: boolean }): Promise<{ context: BrowserContext; page: Page }>;
  /** Saves a full-page screenshot under test-artifacts/screenshots/<name>.png and returns its path. */
  screenshot(page: Page, name: string): Promise<string>;
  close(): Promise<void>;
}

export const SCREENSHOT_DIR = path.resolve(__dirname, '../../test-artifacts/screenshots');

export async function launchBrowser(): Promise<TestBrowser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}: the page tests need it. Install it with \`apt-get install chromium\` ` +
        '(`.ci/run` does this) or point CHROMIUM_PATH at a Chromium binary.',
    );
  }
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    // playwright gives every launch a new, empty profile of its own.
    args: FLAGS,
  });
  return {
    browser,
    async newPage(options = {}) {
      const context = await browser.newContext(
        options.phone ? { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } : { viewport: { width: 1280, height: 900 } },
      );
      const page = await context.newPage();
      return { context, page };
    },
    async screenshot(page, name) {
      mkdirSync(SCREENSHOT_DIR, { recursive: true });
      const file = path.join(SCREENSHOT_DIR, `${name}.png`);
      await page.screenshot({ path: file, fullPage: true });
      return file;
    },
    async close() {
      await browser.close();
    },
  };
}

/**
 * Records every request a page makes that leaves the given origin (and is not
 * a data:/blob: URL), so a test can assert that a page loads nothing external.
 */
export function recordExternalRequests(page: Page, origin: string): string[] {
  const external: string[] = [];
  page.on('request', (request) => {
    const url = request.url();
    if (url.startsWith('data:') || url.startsWith('blob:') || url.startsWith('about:')) return;
    const requestOrigin = new URL(url).origin;
    const sameOrigin = requestOrigin === origin || requestOrigin === origin.replace('http:', 'ws:');
    if (!sameOrigin) external.push(url);
  });
  return external;
}
