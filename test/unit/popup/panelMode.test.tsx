// The popup says how the tab's overlay shows the panel (issue 12): the frame, the reduced panel, or blocked.
import { renderToStaticMarkup } from 'react-dom/server';
import { expect, test } from 'vitest';
import { PopupStatus } from '@/components/PopupStatus';
import type { PanelMode, TabStatus } from '@/lib/messages/protocol';

const popup = (panel: PanelMode | undefined, lang: 'zh' | 'en' = 'zh') => {
  const status: TabStatus = {
    recognised: true,
    counts: { error: 0, warning: 2, info: 0, confirm: 1 },
    missingFields: [],
    ...(panel && { panel }),
  };
  return renderToStaticMarkup(
    <PopupStatus
      status={status}
      lang={lang}
      onLang={() => {}}
      onOpenPanel={() => {}}
      onOpenOptions={() => {}}
      portalUrl="https://service.most.gov.cn/"
    />,
  );
};

test.each([
  ['frame', '检查面板：扩展页面框架', 'Checklist panel: extension frame'],
  ['fallback', '扩展框架被阻止，页面内显示受限面板', 'the extension frame was blocked; a reduced panel'],
  ['blocked', '检查面板被页面遮挡或移除', 'The page covers or removed the checklist panel'],
] as const)('mode %s is said in both languages', (mode, zh, en) => {
  expect(popup(mode)).toContain(`data-mode="${mode}"`);
  expect(popup(mode)).toContain(zh);
  expect(popup(mode, 'en')).toContain(en);
});

test('blocked is an alert; an older content script that does not say its mode gets no line', () => {
  expect(popup('blocked')).toMatch(/<p[^>]*data-testid="popup-panel"[^>]*role="alert"/);
  expect(popup('frame')).not.toContain('role="alert"');
  expect(popup(undefined)).not.toContain('popup-panel');
});
