/**
 * Strings the content script shows in the portal page itself: the reduced panel drawn when the extension frame is
 * refused, marker texts and the "extension gone" notice. Only these travel in the content script
 * (lib/i18n/pageSideMessages.ts); everything the panel frame shows is in ./overlay.ts.
 */
export const pageSideStrings = {
  panelTitle: { zh: 'GuideCheck 自查', en: 'GuideCheck' },
  collapse: { zh: '收起', en: 'Collapse' },
  panelFallback: {
    zh: '面板模式：页面内受限面板（扩展框架被阻止），只显示检查结果，不提供填入资料、恢复草稿等操作。',
    en: 'Panel mode: reduced panel in the page (extension frame blocked): results only, no profile fill, draft restore or other actions.',
  },
  expand: { zh: '展开 GuideCheck', en: 'Open GuideCheck' },
  noDirection: { zh: '请在表单中选择指南方向', en: 'Choose a guideline direction in the form' },
  unknownRule: { zh: '（规则包中已没有此项）', en: '(no longer in the rule pack)' },
  extensionGone: {
    zh: 'GuideCheck 已更新或重新加载，自动保存暂停：新版本通常几秒内接管并保存本页尚未保存的 {count} 处修改。若此提示一直不消失，这些修改仍在表单中，请先复制保存，再刷新本页。',
    en: 'GuideCheck was updated or reloaded; autosave is paused: the new version usually takes over within seconds and saves the {count} unsaved changes on this page. If this notice stays, those changes are still in the form: copy them somewhere safe before reloading the page.',
  },
};
