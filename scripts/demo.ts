// npm run demo [-- --headless]: build the extension, serve the replica portal, open Chromium with the extension.
// With a display: a normal window to try it by hand. Without one (a server, CI): headless, fills a sample
// application, writes a screenshot of the overlay and prints the findings.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startReplica } from '../replica/server';
import { NO_CHROMIUM_MESSAGE, chromiumPath, launchChromium, root } from './support/browsers';
import { APPLY_PATH, fillReplica, sampleAustria } from './support/replicaForm';
import { panelIn } from '../test/e2e/support/panel';

if (!chromiumPath) {
  console.error(NO_CHROMIUM_MESSAGE);
  process.exit(1);
}
const headless = process.argv.includes('--headless') || !process.env.DISPLAY || !!process.env.CI;

console.log('构建扩展 Building the extension …');
const build = spawnSync('npx', ['wxt', 'build'], {
  cwd: root,
  stdio: ['ignore', 'ignore', 'inherit'],
  env: { ...process.env, GUIDECHECK_TEST_BUILD: '1' },
});
if (build.status !== 0) {
  console.error('构建失败 Build failed');
  process.exit(1);
}

const replica = await startReplica({ port: headless ? 0 : 8321 });
const formUrl = `${replica.url}${APPLY_PATH}?sbbh=SQ2019YFE0100123`;
console.log(`仿真门户 Replica portal: ${formUrl}`);
const browser = await launchChromium({ headless });
const page = await browser.context.newPage();
await page.goto(formUrl);

if (!headless) {
  console.log('已在 Chromium 中打开申报书，填写时请查看右侧的 GuideCheck 面板。关闭浏览器窗口即结束。');
  console.log('The form is open in Chromium: fill it in and watch the GuideCheck panel. Close the window to stop.');
  await new Promise((resolve) => browser.context.on('close', resolve));
  await replica.close();
  process.exit(0);
}

await (await panelIn(page)).locator('.gc-panel').waitFor({ timeout: 15_000 });
await fillReplica(page, sampleAustria);
await (await panelIn(page)).locator('.gc-finding .gc-tag.gc-warning').first().waitFor({ timeout: 10_000 });
await page.waitForTimeout(300); // markers are placed on the next animation frame

const outDir = join(root, 'demo-output');
mkdirSync(outDir, { recursive: true });
const screenshot = join(outDir, 'overlay.png');
await page.screenshot({ path: screenshot });

const heading = await (await panelIn(page)).locator('.gc-direction h2').textContent();
const findings = await (await panelIn(page)).locator('.gc-finding').evaluateAll((items) =>
  items.map((li) => ({
    tag: li.querySelector('.gc-tag')?.textContent ?? '',
    title:
      li.querySelector('.gc-finding-title')?.textContent?.replace(li.querySelector('.gc-tag')?.textContent ?? '', '') ??
      '',
    message: li.querySelector('.gc-message')?.textContent ?? '',
  })),
);
console.log(`\n指南方向 Direction: ${heading}`);
console.log((await (await panelIn(page)).getByTestId('gc-counts').textContent()) ?? '');
for (const f of findings) console.log(`  [${f.tag}] ${f.title}${f.message ? ` — ${f.message}` : ''}`);
console.log(`\n截图 Screenshot: ${screenshot}`);
await browser.close();
await replica.close();
