import { startGuideCheck } from './mount';

export default defineContentScript({
  matches: ['https://*.most.gov.cn/*'],
  // WXT would post its "content script started" message, with our extension id, to the portal page.
  noScriptStartedPostMessage: true,
  cssInjectionMode: 'manual',
  runAt: 'document_end',
  main: (ctx) => startGuideCheck(ctx),
});
