import { describe, expect, test } from 'vitest';
import { decodeShareCode, encodeShareCode } from '@/lib/share/code';
import type { Share } from '@/lib/share/model';
import { markdownText, shareSummaryMarkdown } from '@/lib/share/summary';
import { fullShare } from '../../fixtures/share/shares';
import { realPack } from '../../fixtures/share/team';

const pack = realPack();
const XSS = [
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  '[点我](javascript:alert(1))',
  '`code` **粗体** &lt;',
  '第一行\n- [x] 伪造的一项',
];
const unescapeMarkdown = (s: string) => s.replace(/\\(.)/g, '$1');

describe('Markdown summary', () => {
  test('shows the direction, counts and each item with status, owner, confirmation, note, document and acknowledgement', () => {
    const share = fullShare();
    const md = shareSummaryMarkdown(share, pack, 'zh');
    const lines = md.split('\n');
    expect(lines[0]).toBe('# 1.6 中国和挪威数字化领域合作项目 · 检查清单');
    expect(lines[2]).toBe('规则包 2019-intl-1 第 1 版 · 由 张伟 于 2024-03-05 16:00 (UTC+8) 分享');
    const s = share.findingsSummary;
    expect(lines[4]).toBe(`${s.error} 个错误 · ${s.warning} 个警告 · ${s.info} 条提示 · ${s.confirm} 项待确认`);
    expect(lines.filter((l) => l.startsWith('- ['))).toHaveLength(Object.keys(share.items).length);
    const ip = share.items['2019-intl-1/1.6/ip-agreement']!;
    const at = lines.findIndex((l) => l.includes('**知识产权协议**'));
    expect(ip.status).toBe('confirm'); // the fixture leaves this document not ready
    expect(lines[at]).toBe(`- [ ] **知识产权协议** · 待确认 · 负责人: ${ip.owner}`);
    expect(lines[at + 1]).toMatch(
      new RegExp(`^  - 已确认：${ip.confirmation!.by}，2024-03-0\\d \\d\\d:\\d\\d \\(UTC\\+8\\)$`),
    );
    expect(lines[at + 2]).toBe(`  - 备注：${ip.confirmation!.note}`);
    expect(lines[at + 3]).toMatch(/^ {2}- 材料：未准备（2024-03-0\d \d\d:\d\d \(UTC\+8\)）$/);
    expect(md).toContain('已忽略警告：已与专业机构沟通，属合理情况');
  });

  test('English, without the pack: rule ids stand in for titles', () => {
    const md = shareSummaryMarkdown(fullShare(), undefined, 'en');
    expect(md.split('\n')[0]).toBe('# 1.6 · checklist');
    expect(md).toContain('- [ ] **2019-intl-1/1.6/norwegian-partner (not in this rule pack)**');
  });

  test.each(XSS)('shared text %j comes out as text, never as HTML, a link or a new item', (evil) => {
    const share: Share = {
      ...fullShare(),
      sharedBy: evil.slice(0, 100),
      items: {
        '2019-intl-1/1.6/ip-agreement': {
          owner: evil.slice(0, 100),
          confirmation: { by: '王芳', at: '2024-03-01T02:00:00.000Z', note: evil },
          acknowledgement: { reason: evil, at: '2024-03-01T02:00:00.000Z' },
        },
      },
      fields: { 'project.nameZh': evil },
    };
    const decoded = decodeShareCode(encodeShareCode(share));
    expect(decoded.ok).toBe(true);
    const md = shareSummaryMarkdown(decoded.ok ? decoded.share : share, pack, 'zh');
    // No character that starts HTML, an entity, a link or code is left unescaped.
    const withoutOurCheckboxes = md.replace(/^- \[[ x]\] /gm, '- ');
    expect(withoutOurCheckboxes).not.toMatch(/(^|[^\\])[<>&[\]`]/m);
    // Only our own list items start lines.
    expect(md.split('\n').filter((l) => /^\s*- /.test(l))).toHaveLength(5);
    expect(unescapeMarkdown(md)).toContain(evil.replace(/\n/g, ' '));
    expect(markdownText(evil)).not.toContain('\n');
  });
});
