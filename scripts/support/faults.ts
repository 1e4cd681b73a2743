import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { startReplica } from '@/replica/server';
import { panelIn } from '@/test/e2e/support/panel';
import { type ChromiumWithExtension, chromeExtensionDir, launchChromium, launchContext } from './browsers';
import { APPLY_PATH } from './replicaForm';

/**
 * Fault trials on the replica in Chromium with the built test extension (npm run faults; a short run in the e2e
 * suite). Each trial types as a user does, injects one fault, then reads what the drafts database holds and what the
 * panel showed: keystrokes lost (characters typed that the draft does not hold), false alarms (a conflict banner with
 * no other tab typing that field, an error left on screen after the fault is over), and the message the user saw.
 */

/** Replica field → draft field key (the extension finds fields by label; these are the keys it saves under). */
export const FIELDS = {
  'xmxx.xmmc': 'project.nameZh',
  'xmxx.ywmc': 'project.nameEn',
  'sbdw.dwmc': 'leadUnit.name',
} as const;
type ReplicaField = keyof typeof FIELDS;

export interface TrialResult {
  keysTyped: number;
  keysLost: number;
  falseAlarms: number;
  /** The panel's banners and alerts at the end of the trial ('' when none) */
  saw: string;
  /** What the trial's log line adds about this trial's draw (e.g. when the kill came) */
  detail?: string;
}

export interface FaultEnv {
  /** The browser with the extension; a kind that restarts it puts the new one here */
  browser: ChromiumWithExtension;
  /** The built extension the browser loads (a kind that restarts the browser loads it again) */
  extensionDir?: string;
  url: string;
  host: string;
  trial: number;
}

export interface FaultKind {
  name: string;
  run(env: FaultEnv): Promise<TrialResult>;
  /** A profile directory of its own, kept across restarts (on a small tmpfs for the disk-full kind) */
  profile?(): { userDataDir: string; cleanup(): void };
  /** Mounts a file system: root only, so not in the short run of the e2e suite */
  needsRoot?: boolean;
}

export async function openForm(env: FaultEnv, sbbh: string): Promise<Page> {
  const page = await env.browser.context.newPage();
  await page.goto(`${env.url}${APPLY_PATH}?sbbh=${sbbh}`);
  await page.locator('body[data-loaded="1"]').waitFor();
  await (await panelIn(page)).locator('.gc-panel').first().waitFor();
  return page;
}

/** The drafts row, read from an extension page (the worker may be stopped; its handle would be stale). */
export async function storedFields(env: FaultEnv, key: string): Promise<Record<string, string> | undefined> {
  const page = await env.browser.context.newPage();
  try {
    // The popup: an extension page that never opens the database itself (the options page would, with Dexie).
    // While the extension reloads its pages are refused for a moment: read again on the next poll.
    const opened = await page.goto(`chrome-extension://${env.browser.extensionId}/popup.html`).then(
      () => true,
      () => false,
    );
    if (!opened) return undefined;
    return await page.evaluate(
      (k) =>
        new Promise<Record<string, string> | undefined>((resolve) => {
          const open = indexedDB.open('guidecheck');
          open.onerror = () => resolve(undefined);
          open.onsuccess = () => {
            try {
              const get = open.result.transaction('drafts').objectStore('drafts').get(k);
              get.onsuccess = () => {
                open.result.close();
                resolve(get.result?.fields);
              };
              get.onerror = () => resolve(undefined);
            } catch {
              resolve(undefined);
            }
          };
        }),
      key,
    );
  } finally {
    await page.close();
  }
}

/** Stops the extension's service worker, as Chrome does 30 s after its last event. */
export async function stopWorker(env: {
  browser: Pick<ChromiumWithExtension, 'context' | 'extensionId'>;
}): Promise<void> {
  const browser = env.browser.context.browser();
  const session = browser
    ? await browser.newBrowserCDPSession()
    : await env.browser.context.newCDPSession(env.browser.context.pages()[0]!);
  const { targetInfos } = (await session.send('Target.getTargets')) as {
    targetInfos: { targetId: string; type: string; url: string }[];
  };
  for (const t of targetInfos)
    if (t.type === 'service_worker' && t.url.includes(env.browser.extensionId))
      await session.send('Target.closeTarget', { targetId: t.targetId });
  await session.detach();
}

/** Types `text` key by key; `onKey(i)` runs after key i (0-based). */
export async function typeKeys(page: Page, field: ReplicaField, text: string, onKey?: (i: number) => Promise<void>) {
  const input = page.locator(`[name="${field}"]`);
  await input.click();
  for (let i = 0; i < text.length; i++) {
    await page.keyboard.type(text[i]!); // one key: CJK characters arrive as an IME would commit them
    await onKey?.(i);
  }
}

/** Characters typed that the stored value lacks (from the first difference on). */
export function lostKeys(expected: string, stored: string | undefined): number {
  const s = stored ?? '';
  let same = 0;
  while (same < expected.length && same < s.length && expected[same] === s[same]) same++;
  return expected.length - same;
}

/** Waits until every expected value is stored (or `ms` passed); returns the keystrokes still missing. */
export async function waitForStored(
  env: FaultEnv,
  key: string,
  expected: Partial<Record<ReplicaField, string>>,
  ms = 15_000,
): Promise<number> {
  const deadline = Date.now() + ms;
  let lost = 0;
  do {
    const fields = (await storedFields(env, key)) ?? {};
    lost = Object.entries(expected).reduce((n, [f, v]) => n + lostKeys(v ?? '', fields[FIELDS[f as ReplicaField]]), 0);
    if (lost === 0) return 0;
    await new Promise((r) => setTimeout(r, 250));
  } while (Date.now() < deadline);
  return lost;
}

/** What the panel shows the user about drafts: banners and alerts, joined. */
export async function panelMessages(page: Page): Promise<string> {
  const texts = await (await panelIn(page))
    .locator('.gc-panel [role="alert"], .gc-panel [role="status"], .gc-panel .gc-banner, .gc-field-problem')
    .allTextContents()
    .catch(() => []);
  return [...new Set(texts.map((t) => t.trim()).filter(Boolean))].join(' | ');
}

export async function conflictShown(page: Page): Promise<boolean> {
  return (await (await panelIn(page)).getByTestId('gc-conflict').count()) > 0;
}

const random = (n: number) => Math.floor(Math.random() * n);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Worker stopped at a random key of a field, typing goes on. */
const workerStopRandomKey: FaultKind = {
  name: 'worker stop at a random key',
  async run(env) {
    const sbbh = `SQFAULTWR${env.trial}`;
    const page = await openForm(env, sbbh);
    const text = `随机按键时停止后台${env.trial}号`;
    const at = random(text.length);
    await typeKeys(page, 'xmxx.xmmc', text, async (i) => (i === at ? stopWorker(env) : undefined));
    const lost = await waitForStored(env, `http://${env.host}|${sbbh}`, { 'xmxx.xmmc': text });
    const result = { keysTyped: text.length, keysLost: lost, falseAlarms: 0, saw: await panelMessages(page) };
    if (await conflictShown(page)) result.falseAlarms++;
    if (result.saw) result.falseAlarms++;
    await page.close();
    return result;
  },
};

/** Worker stopped right after a field's last key, then the next field. */
const workerStopAfterField: FaultKind = {
  name: 'worker stop right after a field',
  async run(env) {
    const sbbh = `SQFAULTWF${env.trial}`;
    const page = await openForm(env, sbbh);
    const first = `字段结束后立即停止${env.trial}`;
    const second = `Next field ${env.trial}`;
    await typeKeys(page, 'xmxx.xmmc', first);
    await stopWorker(env);
    await typeKeys(page, 'xmxx.ywmc', second);
    const lost = await waitForStored(env, `http://${env.host}|${sbbh}`, { 'xmxx.xmmc': first, 'xmxx.ywmc': second });
    const saw = await panelMessages(page);
    const falseAlarms = ((await conflictShown(page)) ? 1 : 0) + (saw ? 1 : 0);
    await page.close();
    return { keysTyped: first.length + second.length, keysLost: lost, falseAlarms, saw };
  },
};

/** Worker stopped while the panel loads (its getPacks/getDraft answers may never come). */
const workerStopPanelLoad: FaultKind = {
  name: 'worker killed during panel load',
  async run(env) {
    const sbbh = `SQFAULTWL${env.trial}`;
    const page = await env.browser.context.newPage();
    const loading = page.goto(`${env.url}${APPLY_PATH}?sbbh=${sbbh}`);
    await sleep(random(150));
    await stopWorker(env);
    await loading;
    await (await panelIn(page)).locator('.gc-panel').waitFor();
    const text = `加载时停止${env.trial}`;
    await typeKeys(page, 'xmxx.xmmc', text);
    const lost = await waitForStored(env, `http://${env.host}|${sbbh}`, { 'xmxx.xmmc': text });
    const saw = await panelMessages(page);
    const falseAlarms = ((await conflictShown(page)) ? 1 : 0) + (saw ? 1 : 0);
    await page.close();
    return { keysTyped: text.length, keysLost: lost, falseAlarms, saw };
  },
};

/** The tab's renderer crashes after typing; the draft must hold every key. */
const rendererCrash: FaultKind = {
  name: 'renderer crash',
  async run(env) {
    const sbbh = `SQFAULTRC${env.trial}`;
    const page = await openForm(env, sbbh);
    const text = `渲染进程崩溃${env.trial}`;
    await typeKeys(page, 'xmxx.xmmc', text);
    await page.goto('chrome://crash').catch(() => {}); // the navigation itself dies with the renderer
    const lost = await waitForStored(env, `http://${env.host}|${sbbh}`, { 'xmxx.xmmc': text });
    await page.close().catch(() => {});
    return { keysTyped: text.length, keysLost: lost, falseAlarms: 0, saw: '' };
  },
};

/** Three tabs typing interleaved; two of them change the same field and keep theirs with one click. */
const threeTabs: FaultKind = {
  name: 'three tabs, interleaved typing, keep mine',
  async run(env) {
    const sbbh = `SQFAULT3T${env.trial}`;
    const key = `http://${env.host}|${sbbh}`;
    const [a, b, c] = [await openForm(env, sbbh), await openForm(env, sbbh), await openForm(env, sbbh)];
    const typed = {
      zh: `甲${env.trial}`,
      en: `B only ${env.trial}`,
      unit: `丙单位${env.trial}`,
      zhB: `乙${env.trial}`,
    };
    await typeKeys(a, 'xmxx.xmmc', typed.zh);
    await typeKeys(b, 'xmxx.ywmc', typed.en);
    await typeKeys(c, 'sbdw.dwmc', typed.unit);
    await waitForStored(env, key, { 'xmxx.xmmc': typed.zh, 'xmxx.ywmc': typed.en, 'sbdw.dwmc': typed.unit });
    await typeKeys(b, 'xmxx.xmmc', typed.zhB);
    const conflictB = (await panelIn(b)).getByTestId('gc-conflict');
    await conflictB.waitFor({ timeout: 10_000 });
    const saw = await panelMessages(b);
    await typeKeys(a, 'xmxx.xmmc', '!'); // A types on while B decides
    await conflictB.getByRole('button', { name: '保留本页内容' }).click();
    await conflictB.waitFor({ state: 'detached', timeout: 5000 });
    // nothing typed in one tab is erased by another: B's name, B's English, C's unit
    const lost = await waitForStored(env, key, {
      'xmxx.xmmc': typed.zhB,
      'xmxx.ywmc': typed.en,
      'sbdw.dwmc': typed.unit,
    });
    const falseAlarms = ((await conflictShown(a)) ? 0 : 0) + ((await conflictShown(c)) ? 1 : 0);
    await Promise.all([a.close(), b.close(), c.close()]);
    return {
      keysTyped: typed.zh.length + typed.en.length + typed.unit.length + typed.zhB.length + 1,
      keysLost: lost,
      falseAlarms,
      saw,
    };
  },
};

/** A 项目名称 far over the title limit, with other fields typed around it. */
const overLongField: FaultKind = {
  name: 'a 项目名称 over 500 characters',
  async run(env) {
    const sbbh = `SQFAULTOL${env.trial}`;
    const page = await openForm(env, sbbh);
    const long = '很长的项目名称'.repeat(80 + env.trial);
    const en = `Other field ${env.trial}`;
    await page.fill('[name="xmxx.xmmc"]', long);
    await typeKeys(page, 'xmxx.ywmc', en);
    const lost = await waitForStored(env, `http://${env.host}|${sbbh}`, { 'xmxx.xmmc': long, 'xmxx.ywmc': en });
    const saw = await panelMessages(page);
    await page.close();
    return { keysTyped: long.length + en.length, keysLost: lost, falseAlarms: saw ? 1 : 0, saw };
  },
};

/**
 * The disk fills up while the user types, then is freed. The profile lives on a small tmpfs (needs root to mount);
 * a file fills what is left. Drafts saved before must survive (Chromium may delete a database it finds corrupt: the
 * backup copy brings it back), the keys typed meanwhile wait in the page and are saved after 重试.
 */
const diskFull: FaultKind = {
  name: 'disk filled and freed',
  needsRoot: true,
  profile() {
    const dir = mkdtempSync(join(tmpdir(), 'gc-tmpfs-'));
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=256m', 'tmpfs', dir]);
    return {
      userDataDir: dir,
      cleanup: () => {
        execFileSync('umount', ['-l', dir]);
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
  async run(env) {
    const sbbh = `SQFAULTDF${env.trial}`;
    const key = `http://${env.host}|${sbbh}`;
    const page = await openForm(env, sbbh);
    const before = `磁盘满之前保存的${env.trial}`;
    await typeKeys(page, 'xmxx.xmmc', before);
    await waitForStored(env, key, { 'xmxx.xmmc': before });
    const filler = join(env.browser.userDataDir, 'filler');
    try {
      execFileSync('dd', ['if=/dev/zero', `of=${filler}`, 'bs=1M', 'status=none'], { stdio: 'ignore' });
    } catch {
      // dd stops with "No space left on device": the disk is full, as wanted
    }
    const during = `Typed while the disk is full ${env.trial} `.repeat(20);
    await page.fill('[name="xmxx.ywmc"]', during);
    const problem = (await panelIn(page)).getByTestId('gc-save-problem');
    await problem.waitFor({ timeout: 20_000 }).catch(() => {});
    const saw = await panelMessages(page);
    rmSync(filler, { force: true });
    await problem
      .getByRole('button', { name: '重试' })
      .click({ timeout: 2000 })
      .catch(() => {}); // the background may have retried by itself already
    const lost = await waitForStored(env, key, { 'xmxx.xmmc': before, 'xmxx.ywmc': during }, 70_000);
    const left = await panelMessages(page);
    await page.close();
    return { keysTyped: before.length + during.length, keysLost: lost, falseAlarms: left ? 1 : 0, saw };
  },
};

/** Database layouts a newer GuideCheck could leave, written raw (as that version would) from an extension page. */
const NEWER_LAYOUTS: Record<string, { version: number; stores: [string, string | null, boolean][] }> = {
  'a higher version': {
    version: 30,
    stores: [
      ['drafts', 'key', false],
      ['checklists', 'key', false],
      ['revisions', 'id', true],
      ['profiles', 'id', false],
      ['meta', 'key', false],
      ['shares', 'id', false],
    ],
  },
  'a missing table': {
    version: 20,
    stores: [
      ['drafts', 'key', false],
      ['revisions', 'id', true],
      ['profiles', 'id', false],
      ['meta', 'key', false],
    ],
  },
  'a changed key path': {
    version: 20,
    stores: [
      ['drafts', 'id', false],
      ['checklists', 'key', false],
      ['revisions', 'id', true],
      ['profiles', 'id', false],
      ['meta', 'key', false],
    ],
  },
};
type Layout = (typeof NEWER_LAYOUTS)[string];

/** A profile directory kept across the browser restarts of one kind. */
function keptProfile() {
  const dir = mkdtempSync(join(tmpdir(), 'gc-kept-'));
  return { userDataDir: dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * A stand-in for the newer version: an extension with GuideCheck's id (the test build's key) and no worker, so the
 * database it writes is GuideCheck's and no GuideCheck worker can open it meanwhile.
 */
function newerVersionExtension(): string {
  const dir = join(tmpdir(), 'gc-newer-version-extension');
  mkdirSync(dir, { recursive: true });
  const { key } = JSON.parse(readFileSync(join(chromeExtensionDir, 'manifest.json'), 'utf8')) as { key: string };
  const manifest = { manifest_version: 3, name: 'GuideCheck (newer)', version: '99.0', key };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  writeFileSync(join(dir, 'page.html'), '<!doctype html><title>newer</title>');
  return dir;
}

/** Replaces the drafts database with `layout` and one row holding a property this version does not know. */
function writeNewer(spec: { layout: Layout; key: string }) {
  return new Promise<void>((resolve, reject) => {
    const del = indexedDB.deleteDatabase('guidecheck');
    del.onsuccess = () => {
      const open = indexedDB.open('guidecheck', spec.layout.version);
      open.onupgradeneeded = () => {
        for (const [name, keyPath, auto] of spec.layout.stores)
          open.result.createObjectStore(name, { keyPath: keyPath ?? undefined, autoIncrement: auto });
      };
      open.onsuccess = () => {
        const db = open.result;
        const row = {
          key: spec.key,
          id: spec.key,
          fields: { 'project.nameZh': '新版本写的' },
          revision: 3,
          futureProperty: 42,
        };
        const tx = db.transaction('drafts', 'readwrite');
        tx.objectStore('drafts').put(row);
        tx.oncomplete = () => {
          db.close();
          resolve();
        };
        tx.onerror = () => reject(tx.error);
      };
      open.onerror = () => reject(open.error);
    };
    del.onerror = () => reject(del.error);
  });
}

/** The database is exactly as the newer version left it: version, tables, and the row with its unknown property. */
function stillNewer(spec: { layout: Layout; key: string }) {
  return new Promise<boolean>((resolve) => {
    const open = indexedDB.open('guidecheck');
    open.onerror = () => resolve(false);
    open.onsuccess = () => {
      const db = open.result;
      const names = Array.from(db.objectStoreNames).sort().join(',');
      const get = db.transaction('drafts').objectStore('drafts').get(spec.key);
      get.onsuccess = () => {
        db.close();
        const tables = spec.layout.stores
          .map((st) => st[0])
          .sort()
          .join(',');
        resolve(
          db.version === spec.layout.version &&
            names === tables &&
            get.result?.futureProperty === 42 &&
            get.result?.fields['project.nameZh'] === '新版本写的',
        );
      };
    };
  });
}

/**
 * As after a downgrade: the newer version wrote the database while GuideCheck was not running (browser stopped,
 * the stand-in run on the same profile), then GuideCheck starts on it. Nothing may change in that database.
 */
function newerDatabase(layout: keyof typeof NEWER_LAYOUTS): FaultKind {
  return {
    name: `database from a newer version (${layout})`,
    profile: keptProfile,
    async run(env) {
      const sbbh = `SQFAULTNV${env.trial}`;
      const key = `http://${env.host}|${sbbh}`;
      const spec = { layout: NEWER_LAYOUTS[layout]!, key };
      const { userDataDir, extensionId } = env.browser;
      await env.browser.close();
      // The stand-in has no worker to wait for (Chromium starts an empty one only when it is first installed).
      const newer = await launchContext(userDataDir, newerVersionExtension());
      const writer = await newer.newPage();
      await writer.goto(`chrome-extension://${extensionId}/page.html`);
      await writer.evaluate(writeNewer, spec);
      await newer.close();
      env.browser = await launchChromium({ userDataDir, extensionDir: env.extensionDir });
      const page = await openForm(env, sbbh);
      const text = `更新前输入${env.trial}`;
      await typeKeys(page, 'xmxx.xmmc', text);
      await (await panelIn(page))
        .getByTestId('gc-save-problem')
        .waitFor({ timeout: 10_000 })
        .catch(() => {});
      const saw = await panelMessages(page);
      // Nothing is saved by design: the keys stay in the page, and the database is exactly as the newer version left it.
      const kept = lostKeys(text, await page.inputValue('[name="xmxx.xmmc"]'));
      const ext = await env.browser.context.newPage();
      await ext.goto(`chrome-extension://${env.browser.extensionId}/popup.html`);
      const untouched = await ext.evaluate(stillNewer, spec);
      await Promise.all([page.close(), ext.close()]);
      return {
        keysTyped: text.length,
        keysLost: kept,
        falseAlarms: saw.includes('草稿数据库来自较新版本') ? 0 : 1,
        saw: untouched ? saw : `${saw} [the newer database was changed]`,
      };
    },
  };
}

/** The browser's own process: the child of this process started on `userDataDir`. */
function browserPid(userDataDir: string): number {
  const ps = execFileSync('ps', ['-eo', 'pid=,ppid=,args='], { encoding: 'utf8' });
  for (const line of ps.split('\n')) {
    const [pid, ppid, ...args] = line.trim().split(/\s+/);
    if (Number(ppid) === process.pid && args.join(' ').includes(`--user-data-dir=${userDataDir}`)) return Number(pid);
  }
  throw new Error(`no browser process on ${userDataDir}`);
}

/** The browser is killed (SIGKILL) 0–200 ms after the last key, then started again on the same profile. */
const browserKill: FaultKind = {
  name: 'browser killed 0–200 ms after the last key',
  profile: keptProfile,
  async run(env) {
    const sbbh = `SQFAULTBK${env.trial}`;
    const page = await openForm(env, sbbh);
    const text = `浏览器被强制结束${env.trial}号`;
    await typeKeys(page, 'xmxx.xmmc', text);
    const typed = performance.now();
    await sleep(random(201));
    const { userDataDir } = env.browser;
    process.kill(browserPid(userDataDir), 'SIGKILL');
    // A kill within a save's round trip of the last key (~15 ms here) can lose the keys not committed yet.
    const detail = `killed ${(performance.now() - typed).toFixed(0)} ms after the last key`;
    await env.browser.close().catch(() => {}); // already gone: only Playwright's side is closed
    env.browser = await launchChromium({ userDataDir, extensionDir: env.extensionDir });
    // What the user finds after the restart: the draft, read before any page of the portal is open again.
    const lost = await waitForStored(env, `http://${env.host}|${sbbh}`, { 'xmxx.xmmc': text }, 5000);
    const again = await openForm(env, sbbh);
    const saw = await panelMessages(again);
    await again.close();
    return { keysTyped: text.length, keysLost: lost, falseAlarms: 0, saw, detail };
  },
};

/**
 * A profile with developer mode on. After runtime.reload() Chromium registers the command-line extension as an
 * unpacked one and, with developer mode off, disables it (chrome://extensions: "unsupportedDeveloperExtension") in
 * about half the trials, so the new version never started. A store update is packed and never meets this.
 */
function developerModeProfile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'gc-devmode-'));
  mkdirSync(join(dir, 'Default'));
  writeFileSync(join(dir, 'Default', 'Preferences'), JSON.stringify({ extensions: { ui: { developer_mode: true } } }));
  return dir;
}
/** The reload kind's profiles (one per trial), removed when the kind ends */
const reloadProfiles: string[] = [];

/**
 * The extension is reloaded (as by an update) at a random key while the user types on. The old panel says so, the
 * page keeps the values, the new content script (run in the open tab after the update) takes them over: nothing lost.
 */
const extensionReload: FaultKind = {
  name: 'extension reloaded while typing',
  profile() {
    reloadProfiles.push(developerModeProfile());
    return {
      userDataDir: reloadProfiles.at(-1)!,
      cleanup: () => {
        for (const dir of reloadProfiles.splice(0)) rmSync(dir, { recursive: true, force: true });
      },
    };
  },
  async run(env) {
    const sbbh = `SQFAULTER${env.trial}`;
    const page = await openForm(env, sbbh);
    const ext = await env.browser.context.newPage();
    await ext.goto(`chrome-extension://${env.browser.extensionId}/popup.html`);
    const text = `扩展更新时继续输入${env.trial}号`;
    const en = `Typed on after the update ${env.trial}`;
    const at = random(text.length);
    const panel = await panelIn(page);
    const gone = panel.getByTestId('gc-extension-gone');
    let banner = '';
    const lookForBanner = async () => {
      // The old panel's frame goes with the old extension: a detached frame counts as no banner.
      if (!banner && (await gone.count().catch(() => 0)))
        banner =
          (await gone
            .first()
            .textContent()
            .catch(() => '')) ?? '';
    };
    await typeKeys(page, 'xmxx.xmmc', text, async (i) => {
      if (i === at)
        await ext.evaluate(
          () =>
            void setTimeout(() =>
              (globalThis as { chrome?: { runtime: { reload(): void } } }).chrome?.runtime.reload(),
            ),
        );
      if (i > at) await lookForBanner();
    });
    await typeKeys(page, 'xmxx.ywmc', en, lookForBanner);
    const lost = await waitForStored(env, `http://${env.host}|${sbbh}`, { 'xmxx.xmmc': text, 'xmxx.ywmc': en }, 20_000);
    const after = await panelMessages(page);
    // False alarms: a conflict, or the old panel still telling the user to reload after the new script took over.
    const stillGone = (await panelIn(page)).getByTestId('gc-extension-gone');
    const falseAlarms = ((await conflictShown(page)) ? 1 : 0) + ((await stillGone.count()) ? 1 : 0);
    // A fresh browser and profile for the next trial: each trial starts from a freshly installed extension.
    await env.browser.close();
    reloadProfiles.push(developerModeProfile());
    env.browser = await launchChromium({ userDataDir: reloadProfiles.at(-1)!, extensionDir: env.extensionDir });
    return {
      keysTyped: text.length + en.length,
      keysLost: lost,
      falseAlarms,
      saw: [banner.trim(), after].filter(Boolean).join(' → '),
    };
  },
};

export const faultKinds: FaultKind[] = [
  workerStopRandomKey,
  workerStopAfterField,
  workerStopPanelLoad,
  rendererCrash,
  browserKill,
  extensionReload,
  threeTabs,
  overLongField,
  diskFull,
  newerDatabase('a higher version'),
  newerDatabase('a missing table'),
  newerDatabase('a changed key path'),
];

export interface FaultRow {
  fault: string;
  trials: number;
  keysTyped: number;
  keysLost: number;
  falseAlarms: number;
  saw: string[];
}

/** Runs `trials` trials of each kind, each kind in a fresh browser (a kind may restart it on the same profile). */
export async function runFaults(
  kinds: FaultKind[],
  trials: number,
  log = console.log,
  extensionDir?: string,
): Promise<FaultRow[]> {
  const replica = await startReplica({ port: 0 });
  const rows: FaultRow[] = [];
  try {
    for (const kind of kinds) {
      const profile = kind.profile?.();
      const env: FaultEnv = {
        browser: await launchChromium({ userDataDir: profile?.userDataDir, extensionDir }),
        extensionDir,
        url: replica.url,
        host: new URL(replica.url).host,
        trial: 0,
      };
      const row: FaultRow = { fault: kind.name, trials: 0, keysTyped: 0, keysLost: 0, falseAlarms: 0, saw: [] };
      try {
        for (let trial = 0; trial < trials; trial++) {
          env.trial = trial;
          const result = await kind.run(env);
          row.trials++;
          row.keysTyped += result.keysTyped;
          row.keysLost += result.keysLost;
          row.falseAlarms += result.falseAlarms;
          if (!row.saw.includes(result.saw)) row.saw.push(result.saw);
          log(
            `  ${kind.name} #${trial}: lost ${result.keysLost}, false alarms ${result.falseAlarms}, saw "${result.saw}"${result.detail ? ` (${result.detail})` : ''}`,
          );
        }
      } finally {
        await env.browser.close();
        profile?.cleanup();
      }
      rows.push(row);
    }
  } finally {
    await replica.close();
  }
  return rows;
}

export function faultTable(rows: FaultRow[]): string {
  const lines = [
    '| fault | trials | keys typed | keystrokes lost | false alarms | what the user saw |',
    '|---|---|---|---|---|---|',
  ];
  for (const r of rows)
    lines.push(
      `| ${r.fault} | ${r.trials} | ${r.keysTyped} | ${r.keysLost} | ${r.falseAlarms} | ${r.saw.map((s) => s || '(nothing: saved)').join('; ')} |`,
    );
  return lines.join('\n');
}
