import '@/components/overlay.css';
import { startGuideCheck } from './mount';

export default defineContentScript({
  matches: ['*://*.most.gov.cn/*'],
  cssInjectionMode: 'ui',
  runAt: 'document_end',
  main: (ctx) => startGuideCheck(ctx),
});
