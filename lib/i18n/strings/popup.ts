/** Strings of the toolbar popup (kept out of the overlay's table, which the content script carries). */
export const popupStrings = {
  popupNotPortal: {
    zh: '当前页面不是国家科技管理信息系统的申报书页面。',
    en: 'This tab is not an application form of the national S&T portal.',
  },
  popupInsecure: {
    zh: '此页面以不加密的 http:// 打开，GuideCheck 不在此显示，也不保存草稿。请改用 https:// 地址打开门户。',
    en: 'This page was opened over unencrypted http://: GuideCheck stays off here and saves no draft. Open the portal at its https:// address.',
  },
  popupRecognised: { zh: '已识别申报书页面', en: 'Application form recognised' },
  popupDirection: { zh: '指南方向', en: 'Direction' },
  popupOpenPanel: { zh: '打开检查面板', en: 'Open the checklist' },
  popupOpenOptions: { zh: '草稿与设置', en: 'Drafts and settings' },
  popupOpenPortal: { zh: '前往国家科技管理信息系统', en: 'Go to the national S&T portal' },
  // How this tab's overlay shows the panel (TabStatus.panel)
  popupPanelFrame: {
    zh: '检查面板：扩展页面框架（门户页面无法读取）',
    en: 'Checklist panel: extension frame (the portal page cannot read it)',
  },
  popupPanelFallback: {
    zh: '检查面板：扩展框架被阻止，页面内显示受限面板（只显示检查结果）',
    en: 'Checklist panel: the extension frame was blocked; a reduced panel in the page shows the results only',
  },
  popupPanelBlocked: {
    zh: '检查面板被页面遮挡或移除，无法显示。请刷新页面；检查结果见上方计数。',
    en: 'The page covers or removed the checklist panel: it cannot be shown. Reload the page; the counts above are the results.',
  },
};
