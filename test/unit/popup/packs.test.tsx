// The popup flags an expired pack and a stale feed (issue 13: not only the options page), by pack, version and source.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { PopupStatus } from '@/components/PopupStatus';
import type { PackSummary } from '@/lib/packs/origin';

const summary = (patch: Partial<PackSummary>): PackSummary => ({
  id: 'p',
  title: { zh: '某规则包', en: 'A pack' },
  version: 3,
  expires: '2026-12-31',
  origin: 'bundled',
  sourceName: '扩展内置 / bundled',
  expired: false,
  stale: false,
  staleDays: 14,
  ...patch,
});

const popup = (packs: PackSummary[], lang: 'zh' | 'en' = 'zh') =>
  renderToStaticMarkup(
    <PopupStatus
      status={null}
      lang={lang}
      onLang={() => {}}
      onOpenPanel={() => {}}
      onOpenOptions={() => {}}
      portalUrl="https://service.most.gov.cn/"
      packs={packs}
    />,
  );

describe('popup: packs in use', () => {
  it('lists only the expired pack and the one from a stale feed, each with version and source', () => {
    const html = popup([
      summary({ id: 'current' }),
      summary({ id: 'old', expired: true, expires: '2019-12-31' }),
      summary({ id: 'feed', origin: 'policy', sourceName: '科研处规则源', stale: true, version: 2 }),
    ]);
    expect(html).toContain('data-testid="popup-packs"');
    expect(html).not.toContain('data-pack="current"');
    expect(html).toContain('某规则包 · 第 3 版 · 扩展内置：规则已过期（有效期至 2019-12-31），请检查更新');
    expect(html).toContain(
      '某规则包 · 第 2 版 · 单位规则源「科研处规则源」：规则源已超过 14 天没有新的签名时间戳，规则可能不是最新',
    );
    expect(popup([summary({ id: 'old', expired: true })], 'en')).toContain(
      'A pack · version 3 · bundled: Rules expired (valid until 2026-12-31); check for updates',
    );
  });

  it('offers its actions before the list of outdated packs (they stay in view in a short popup)', () => {
    const html = popup([summary({ id: 'a', expired: true }), summary({ id: 'b', expired: true })]);
    expect(html.indexOf('data-testid="popup-actions"')).toBeGreaterThan(0);
    expect(html.indexOf('data-testid="popup-actions"')).toBeLessThan(html.indexOf('data-testid="popup-packs"'));
  });

  it('says nothing when every pack is current', () => {
    expect(popup([summary({})])).not.toContain('popup-packs');
  });

  it('renders a feed name from a pack as text, never as markup', () => {
    const html = popup([summary({ origin: 'user', sourceName: '<img src=x onerror=alert(1)>', stale: true })]);
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });
});
