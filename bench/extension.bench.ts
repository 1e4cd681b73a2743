import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { startReplica } from '../replica/server';
import { chromeExtensionDir, launchChromium } from '../scripts/support/browsers';
import { APPLY_PATH } from '../scripts/support/replicaForm';
import { type Bench, type BenchFigure, buildTestExtension, median, percentile } from './types';
import { panelIn } from '../test/e2e/support/panel';
import { stopWorker } from '../scripts/support/faults';

/** Cold starts measured (the CI-free bench runs 20; BENCH_COLD_STARTS=3 for a quick look). */
const COLD_STARTS = Number(process.env.BENCH_COLD_STARTS ?? 20);

/**
 * The built extension in real Chromium on the replica: bundle size, overlay mount time, autosave round trip, and the
 * service worker's cold start (Chrome stops it 30 s after its last event, so the first request after a pause meets it).
 */
const bench: Bench = {
  topic: 'extension',
  async run() {
    buildTestExtension();
    const script = readFileSync(join(chromeExtensionDir, 'content-scripts', 'portal.js'));
    const figures: BenchFigure[] = [
      { name: 'content script size', value: script.length, unit: 'bytes', note: 'raw, minified' },
      { name: 'content script size gzip', value: gzipSync(script).length, unit: 'bytes', target: '≤ 40 KB gzip' },
    ];

    const replica = await startReplica({ port: 0 });
    const browser = await launchChromium();
    try {
      // A new profile has never read the enterprise policy, and Chromium answers storage.managed only once its policy
      // service is up (seconds after the browser starts): the first answer for the rules must not wait for it.
      const first = await browser.context.newPage();
      await first.goto(`chrome-extension://${browser.extensionId}/panel.html`);
      const firstAnswer = await first.evaluate(async () => {
        const started = performance.now();
        const runtime = (globalThis as { chrome?: { runtime: { sendMessage(m: object): Promise<unknown> } } }).chrome!
          .runtime;
        await runtime.sendMessage({ type: 'getPacks' });
        return performance.now() - started;
      });
      await first.close();
      figures.push({
        name: 'new profile, no policy read yet → first answer (getPacks)',
        value: firstAnswer,
        unit: 'ms',
        note: 'one browser start',
      });

      const page = await browser.context.newPage();
      // Records, in the page's own clock, DOMContentLoaded and the moment our overlay's host is attached.
      await page.addInitScript(() => {
        const w = window as unknown as { __gc: { dcl?: number; mounted?: number } };
        w.__gc = {};
        document.addEventListener('DOMContentLoaded', () => (w.__gc.dcl = performance.now()));
        new MutationObserver((_m, observer) => {
          if (document.querySelector('guidecheck-overlay')) {
            w.__gc.mounted = performance.now();
            observer.disconnect();
          }
        }).observe(document, { childList: true, subtree: true });
      });
      const mountTimes: number[] = [];
      for (let i = 0; i < 20; i++) {
        await page.goto(`${replica.url}${APPLY_PATH}?sbbh=SQ2019BENCH${i}`);
        await page.waitForFunction(
          () => (window as unknown as { __gc: { mounted?: number } }).__gc.mounted !== undefined,
        );
        const { dcl, mounted } = await page.evaluate(
          () => (window as unknown as { __gc: { dcl: number; mounted: number } }).__gc,
        );
        mountTimes.push(mounted - dcl);
      }
      figures.push({
        name: 'DOMContentLoaded → overlay mounted',
        value: median(mountTimes),
        unit: 'ms',
        note: 'median of 20 loads',
        target: '≤ 100 ms',
      });

      // Input → committed in the extension's IndexedDB, read back from the service worker.
      const host = new URL(replica.url).host;
      await page.goto(`${replica.url}${APPLY_PATH}?sbbh=SQ2019BENCHSAVE`);
      await (await panelIn(page)).locator('.gc-panel').waitFor();
      const typeTitle = (value: string) =>
        page.evaluate((v) => {
          const input = document.querySelector<HTMLInputElement>('[name="xmxx.xmmc"]')!;
          input.value = v;
          const t = Date.now();
          input.dispatchEvent(new Event('input', { bubbles: true }));
          return t;
        }, value);
      // Starts polling the worker's IndexedDB (every ~1 ms) for `value`; `committedAt` resolves when it is read back.
      const watchCommit = (value: string) =>
        browser.worker.evaluate(
          // No named helpers in here: tsx would wrap them in a __name() the worker does not have.
          async ([key, v]) => {
            const g = globalThis as { __gcCommittedAt?: Promise<{ at: number; pollFrom: number; reads: number }> };
            const db = await new Promise<IDBDatabase>((resolve, reject) => {
              const open = indexedDB.open('guidecheck');
              open.onsuccess = () => resolve(open.result);
              open.onerror = () => reject(open.error);
            });
            const pollFrom = Date.now();
            let reads = 0;
            g.__gcCommittedAt = (async () => {
              for (;;) {
                reads++;
                const got = await new Promise<unknown>((resolve) => {
                  const get = db.transaction('drafts').objectStore('drafts').get(key!);
                  get.onsuccess = () => resolve(get.result?.fields?.['project.nameZh']);
                  get.onerror = () => resolve(undefined);
                });
                if (got === v) break;
                await new Promise((r) => setTimeout(r, 1));
              }
              db.close();
              return { at: Date.now(), pollFrom, reads };
            })();
          },
          [`http://${host}|SQ2019BENCHSAVE`, value],
        );
      const committed = () =>
        browser.worker.evaluate(
          () =>
            (globalThis as { __gcCommittedAt?: Promise<{ at: number; pollFrom: number; reads: number }> })
              .__gcCommittedAt!,
        );
      /** Breakdown of the first figure: when the polling began, and whether its first read already found the value. */
      const pollFrom: number[] = [];
      let committedBeforePolling = 0;
      /**
       * One autosave round trip. `watchFirst`: the polling starts before the input; otherwise after it, as before, so
       * a commit that ended sooner counts as late as the two driver hops (page → Node → worker).
       */
      const roundTrip = async (value: string, watchFirst: boolean) => {
        if (watchFirst) await watchCommit(value);
        const typedAt = await typeTitle(value);
        if (!watchFirst) await watchCommit(value);
        const { at, pollFrom: from, reads } = await committed();
        if (!watchFirst) {
          pollFrom.push(from - typedAt);
          if (reads === 1) committedBeforePolling++;
        }
        return at - typedAt;
      };
      const roundTrips: number[] = [];
      for (let i = 0; i < 100; i++) roundTrips.push(await roundTrip(`自动保存 ${i}`, false));
      const armed: number[] = [];
      for (let i = 0; i < 100; i++) armed.push(await roundTrip(`自动保存（先读） ${i}`, true));
      figures.push(
        {
          name: 'autosave input → IndexedDB commit',
          value: median(roundTrips),
          unit: 'ms',
          note: 'median of 100 (read back by polling every ~1 ms)',
        },
        {
          name: 'autosave input → IndexedDB commit p95',
          value: percentile(roundTrips, 95),
          unit: 'ms',
          note: 'p95 of 100; an upper bound: the read-back starts after the driver’s hops (lines below)',
        },
        {
          name: 'autosave: input → read-back polling begins (the first figure’s driver hops and open)',
          value: median(pollFrom),
          unit: 'ms',
          note: `median of 100; p95 ${percentile(pollFrom, 95)}; the first figure cannot be lower than this`,
        },
        {
          name: 'autosave: first figure’s round trips already committed when the polling began',
          value: committedBeforePolling,
          unit: 'count',
          note: 'of 100 (their figure is the driver’s hops plus one read, not the commit)',
        },
        {
          name: 'autosave input → IndexedDB commit, read-back polling before the input',
          value: median(armed),
          unit: 'ms',
          note: 'median of 100 (without the driver’s hops to the worker)',
        },
        {
          name: 'autosave input → IndexedDB commit p95, read-back polling before the input',
          value: percentile(armed, 95),
          unit: 'ms',
          note: 'p95 of 100; the round trip itself, so the target is read here',
          target: '≤ 20 ms p95',
        },
      );

      // Cold start: the worker stopped, an extension page asks for the packs in use (what the panel asks first), then,
      // as the content script does once it knows the page's direction, for that direction's pack.
      const options = await browser.context.newPage();
      await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
      const ask = () =>
        options.evaluate(async () => {
          const started = performance.now();
          const runtime = (globalThis as { chrome?: { runtime: { sendMessage(m: object): Promise<unknown> } } }).chrome!
            .runtime;
          await runtime.sendMessage({ type: 'getPacks' });
          const index = performance.now() - started;
          await runtime.sendMessage({ type: 'getPack', id: '2019-intl-1' });
          return { index, pack: performance.now() - started };
        });
      const cold: number[] = [];
      const coldPack: number[] = [];
      const warm: number[] = [];
      const workerGone = async () => {
        // Chrome may still be tearing the worker down: wait (≤ 2 s) until no worker of ours is listed.
        const session = await browser.context.newCDPSession(options);
        for (let tries = 0; tries < 100; tries++) {
          const { targetInfos } = (await session.send('Target.getTargets')) as {
            targetInfos: { type: string; url: string }[];
          };
          if (!targetInfos.some((t) => t.type === 'service_worker' && t.url.includes(browser.extensionId))) break;
          await new Promise((r) => setTimeout(r, 20));
        }
        await session.detach();
      };
      for (let i = 0; i < COLD_STARTS; i++) {
        await stopWorker({ browser });
        await workerGone();
        const first = await ask();
        cold.push(first.index);
        coldPack.push(first.pack);
        warm.push((await ask()).index);
      }
      figures.push(
        {
          name: 'worker cold start → first answer (getPacks)',
          value: median(cold),
          unit: 'ms',
          note: `median of ${COLD_STARTS}, worker stopped through CDP before each`,
          target: '≤ 100 ms median',
        },
        {
          name: 'worker cold start → first answer p95',
          value: percentile(cold, 95),
          unit: 'ms',
          note: `p95 of ${COLD_STARTS}`,
        },
        {
          name: 'worker cold start → the direction’s pack (getPacks, then getPack)',
          value: median(coldPack),
          unit: 'ms',
          note: `median of ${COLD_STARTS}: the rules a content script needs, whole`,
        },
        { name: 'warm worker → answer (getPacks)', value: median(warm), unit: 'ms', note: `median of ${COLD_STARTS}` },
        { name: 'cold / warm', value: median(cold) / median(warm), unit: 'ratio' },
      );
    } finally {
      await browser.close();
      await replica.close();
    }
    return figures;
  },
};

export default bench;
