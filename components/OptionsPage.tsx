import { t } from '@/lib/i18n/messages';

export interface DraftSummary {
  key: string;
  title: string;
  direction?: string;
  updatedAt: string;
  fieldCount: number;
}

export interface PackSummary {
  id: string;
  version: number;
  title: string;
  directions: number;
  expires: string;
}

export interface OptionsPageProps {
  drafts: DraftSummary[] | undefined;
  packs: PackSummary[];
}

/** The options page: drafts, rule sources, profiles and settings. */
export function OptionsPage({ drafts, packs }: OptionsPageProps) {
  const lang = 'zh';
  return (
    <main className="gc-page gc-options">
      <h1>{t(lang, 'appName')}</h1>
      <nav>
        <a href="#drafts">{t(lang, 'optionsDrafts')}</a>
        <a href="#rules">{t(lang, 'optionsRuleSources')}</a>
        <a href="#profiles">{t(lang, 'optionsProfiles')}</a>
        <a href="#settings">{t(lang, 'optionsSettings')}</a>
      </nav>
      <section id="drafts">
        <h2>
          {t(lang, 'optionsDrafts')} <span className="gc-muted">{t('en', 'optionsDrafts')}</span>
        </h2>
        {drafts === undefined ? (
          <p className="gc-muted">…</p>
        ) : drafts.length === 0 ? (
          <p className="gc-muted">尚无草稿。在申报书页面填写时会自动保存。 No drafts yet: they are saved as you fill in the portal form.</p>
        ) : (
          <table data-testid="drafts-table">
            <thead>
              <tr>
                <th>项目名称 Title</th>
                <th>指南方向 Direction</th>
                <th>字段 Fields</th>
                <th>更新时间 Updated</th>
              </tr>
            </thead>
            <tbody>
              {drafts.map((d) => (
                <tr key={d.key} data-key={d.key}>
                  <td>{d.title || d.key}</td>
                  <td>{d.direction ?? '—'}</td>
                  <td>{d.fieldCount}</td>
                  <td>{new Date(d.updatedAt).toLocaleString('zh-CN')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section id="rules">
        <h2>
          {t(lang, 'optionsRuleSources')} <span className="gc-muted">{t('en', 'optionsRuleSources')}</span>
        </h2>
        <table data-testid="packs-table">
          <thead>
            <tr>
              <th>规则包 Pack</th>
              <th>版本 Version</th>
              <th>指南方向 Directions</th>
              <th>有效期至 Expires</th>
            </tr>
          </thead>
          <tbody>
            {packs.map((p) => (
              <tr key={p.id}>
                <td>{p.title}（内置 bundled）</td>
                <td>{p.version}</td>
                <td>{p.directions}</td>
                <td>{p.expires}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section id="profiles">
        <h2>
          {t(lang, 'optionsProfiles')} <span className="gc-muted">{t('en', 'optionsProfiles')}</span>
        </h2>
        <p className="gc-muted">申报单位信息与团队成员，保存一次即可填入任何申报书。 Lead-unit and team-member data, saved once and filled into any application.</p>
      </section>
      <section id="settings">
        <h2>
          {t(lang, 'optionsSettings')} <span className="gc-muted">{t('en', 'optionsSettings')}</span>
        </h2>
        <p className="gc-muted">界面语言默认中文，可在检查面板中切换英文。 The interface is Chinese first; switch to English in the checklist panel.</p>
      </section>
    </main>
  );
}
