import { page } from './layout';

/** The React variant: the portal chrome with an empty mount point filled by /egrantweb/js/apply-react.js. */
export function applyReactPage(opts: { sbbh: string; expired: boolean }): string {
  return page({
    title: '项目申报书填写',
    menu: 'apply',
    body: '<div id="app"><div class="hint">正在加载申报书，请稍候……</div></div>',
    scripts: ['/egrantweb/js/apply-react.js'],
    data: { form: 'apply-react', sbbh: opts.sbbh, expired: opts.expired ? '1' : '0' },
  });
}
