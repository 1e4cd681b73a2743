import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { bundledPackDir, readPackFile } from '@/lib/packs/fromDisk';
import { findDirection } from '@/lib/engine/evaluate';
import { describeParts, fieldChoices, hiddenByOwner, shareFileName, shareOfState } from '@/lib/overlay/share';
import { checklistAfterImport, previewImport } from '@/lib/share/preview';
import { encodeShareCode, readShareText, shareToFile } from '@/lib/share/code';
import { CLOCK_SKEW_SECONDS } from '@/lib/share/merge';
import { shareSummaryMarkdown } from '@/lib/share/summary';
import type { RulePack } from '@/lib/packs/schema';
import { realPack } from '../../fixtures/share/team';
import { emptyChecklist, type Checklist } from '@/lib/core/vocabulary';

const pack = realPack();
const rule = (name: string) => `2019-intl-1/1.7/${name}`;
const X = rule('both-sides-apply');
const Y = rule('balanced-contributions');
const NOW = new Date('2024-03-05T08:00:00Z');
const at = (seconds: number) => new Date(NOW.getTime() + seconds * 1000).toISOString();

function stateOf(checklist: Checklist, code = '1.7', p: RulePack = pack) {
  return { direction: { pack: p, direction: findDirection(p, code)! }, findings: [], checklist };
}
const confirmed = (ruleId: string, by: string, seconds: number, note?: string): Checklist => ({
  ...emptyChecklist(),
  confirmations: { [ruleId]: { by, at: at(seconds), ...(note ? { note } : {}) } },
});
/** A share code of a checklist, as the panel makes it */
const codeOf = (checklist: Checklist, sharedBy = '张伟', code = '1.7', p: RulePack = pack) =>
  encodeShareCode(shareOfState(stateOf(checklist, code, p), {}, { sharedBy, include: [], now: NOW })!);
/** What the import leaves when the user merges with these conflict choices */
function importInto(checklist: Checklist, text: string, choices = {}) {
  const preview = previewImport(readShareText(text), stateOf(checklist));
  if (!preview.ok) throw new Error(preview.message.zh);
  const after = checklistAfterImport(preview.share, stateOf(checklist), choices);
  if (!after.ok) throw new Error(after.message.zh);
  return after.checklist;
}

describe('the tick list of field contents', () => {
  test('lists filled fields in the page order, personal data and budget figures flagged', () => {
    const choices = fieldChoices({
      'project.nameZh': '中奥合作',
      'pi.idNumber': '110101199001011234',
      'pi.phone': '',
      'budget.total': '300',
      'jfys.zyczjf': '200',
    });
    expect(choices).toEqual([
      { key: 'project.nameZh', value: '中奥合作', personal: false },
      { key: 'pi.idNumber', value: '110101199001011234', personal: true },
      { key: 'budget.total', value: '300', personal: true },
      { key: 'jfys.zyczjf', value: '200', personal: false },
    ]);
  });
});

describe('making a share from the panel state', () => {
  test('no direction known: nothing to share', () => {
    expect(
      shareOfState(
        { direction: undefined, findings: [], checklist: emptyChecklist() },
        {},
        { sharedBy: '', include: [] },
      ),
    ).toBeUndefined();
  });

  test('every item of the direction, only the ticked field contents, the sharer trimmed', () => {
    const share = shareOfState(
      stateOf(confirmed(X, '张伟', 0, '奥方已提交')),
      { 'project.nameZh': '中奥合作', 'pi.idNumber': '110101199001011234' },
      { sharedBy: ' 张伟 ', include: ['project.nameZh'], now: NOW },
    )!;
    expect(share.sharedBy).toBe('张伟');
    expect(share.fields).toEqual({ 'project.nameZh': '中奥合作' });
    expect(Object.keys(share.items)).toContain(X);
    expect(Object.keys(share.items)).toHaveLength(12); // two built-in input rules, the pack-wide one, nine of 1.7
    expect(share.items[X]!.confirmation).toEqual({ by: '张伟', at: at(0), note: '奥方已提交' });
  });

  test('file names carry the direction, the sharer and the date, without characters a file system refuses', () => {
    const share = shareOfState(stateOf(emptyChecklist()), {}, { sharedBy: '张/伟 A', include: [], now: NOW })!;
    expect(shareFileName(share, 'json')).toBe('guidecheck-share-1.7-张_伟_A-20240305.json');
    expect(shareFileName({ ...share, sharedBy: undefined }, 'md')).toBe('guidecheck-share-1.7-20240305.md');
  });

  test('the summary is the Markdown of the share in the panel language', () => {
    const share = shareOfState(
      stateOf(confirmed(X, '张伟', 0, '<b>注意</b>')),
      {},
      { sharedBy: '张伟', include: [], now: NOW },
    )!;
    const md = shareSummaryMarkdown(share, pack, 'en');
    expect(md).toContain('# 1.7 ');
    expect(md).toContain('Note: \\<b\\>注意\\</b\\>');
  });
});

describe('importing a teammate’s share', () => {
  test('two teammates exchange codes and end with the same checklist', () => {
    const a = confirmed(X, '张伟', 0, '奥方已提交');
    const b1 = importInto(emptyChecklist(), codeOf(a, '张伟'));
    expect(b1.confirmations[X]).toEqual(a.confirmations[X]);
    const b2: Checklist = {
      ...b1,
      confirmations: { ...b1.confirmations, [Y]: { by: '王芳', at: at(60) } },
      owners: { [Y]: '王芳' },
    };
    const a2 = importInto(a, codeOf(b2, '王芳'));
    expect(a2).toEqual(b2);
  });

  test('the preview counts what changes, lists it, and changes nothing', () => {
    const local = confirmed(Y, '王芳', 0);
    const state = stateOf(local);
    const preview = previewImport(
      readShareText(codeOf(confirmed(X, '张伟', 0, '<img src=x onerror=alert(1)>'))),
      state,
    );
    expect(preview.ok && preview.result.applied).toEqual([X]);
    expect(preview.ok && describeParts(preview.share.items[X]!, 'zh')[0]).toMatch(
      /^已确认（张伟，.+）<img src=x onerror=alert\(1\)>$/,
    );
    expect(state.checklist).toBe(local);
    expect(local).toEqual(confirmed(Y, '王芳', 0));
  });

  test('a share file is read like a code, a byte-order mark too', () => {
    const share = shareOfState(stateOf(confirmed(X, '张伟', 0)), {}, { sharedBy: '张伟', include: [], now: NOW })!;
    for (const text of [shareToFile(share), `\ufeff${shareToFile(share)}`]) {
      expect(importInto(emptyChecklist(), text).confirmations[X]).toEqual({ by: '张伟', at: at(0) });
    }
  });

  const refusals: {
    name: string;
    text: () => string;
    state?: ReturnType<typeof stateOf>;
    reason: string;
    zh: string;
  }[] = [
    {
      name: 'a truncated code',
      text: () => codeOf(confirmed(X, '张伟', 0)).slice(0, -3),
      reason: 'modified',
      zh: '分享码不完整或已被修改',
    },
    {
      name: 'an edited code',
      text: () => codeOf(confirmed(X, '张伟', 0)).replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')),
      reason: 'modified',
      zh: '分享码不完整或已被修改',
    },
    { name: 'any other text', text: () => '你好', reason: 'notShare', zh: '这不是 GuideCheck 分享码或分享文件' },
    {
      name: 'another direction',
      text: () => codeOf(emptyChecklist(), '张伟', '1.6'),
      reason: 'otherDirection',
      zh: '此分享针对指南方向 1.6，当前草稿为 1.7，未合并',
    },
    {
      name: 'another guideline',
      text: () => codeOf(emptyChecklist(), '张伟', '1.7', { ...pack, id: 'other-pack' }),
      reason: 'otherGuideline',
      zh: '此分享针对另一份申报指南（other-pack），当前草稿为 2019-intl-1，未合并',
    },
  ];
  test.each(refusals)('$name is refused with its reason and nothing changes', ({ text, reason, zh }) => {
    const local = confirmed(Y, '王芳', 0);
    const preview = previewImport(readShareText(text()), stateOf(local));
    expect(preview.ok).toBe(false);
    if (preview.ok) return;
    expect(preview.reason).toBe(reason);
    expect(preview.message.zh).toBe(zh);
    expect(preview.message.en).not.toBe('');
    expect(local).toEqual(confirmed(Y, '王芳', 0));
  });

  test('a panel without a direction refuses any share', () => {
    const preview = previewImport(readShareText(codeOf(emptyChecklist())), {
      direction: undefined,
      findings: [],
      checklist: emptyChecklist(),
    });
    expect(!preview.ok && preview.reason).toBe('otherDirection');
  });

  test('another version of the pack is flagged', () => {
    const preview = previewImport(
      readShareText(codeOf(confirmed(X, '张伟', 0), '张伟', '1.7', { ...pack, version: 2 })),
      stateOf(emptyChecklist()),
    );
    expect(preview.ok && preview.result.notices.map((n) => n.zh)).toEqual([
      '此分享基于规则包第 2 版，本机为第 1 版：已按规则编号对应',
    ]);
  });

  describe('conflicts (both changed within the clock skew)', () => {
    const mine = confirmed(X, '王芳', 0, '我的备注');
    const theirs = codeOf(confirmed(X, '张伟', CLOCK_SKEW_SECONDS - 1, '对方备注'));

    test('are shown side by side', () => {
      const preview = previewImport(readShareText(theirs), stateOf(mine));
      expect(
        preview.ok &&
          preview.result.conflicts.map((c) => [c.ruleId, c.local.confirmation?.note, c.incoming.confirmation?.note]),
      ).toEqual([[X, '我的备注', '对方备注']]);
    });

    const choices: { choice?: 'local' | 'incoming'; note: string }[] = [
      { note: '我的备注' },
      { choice: 'local', note: '我的备注' },
      { choice: 'incoming', note: '对方备注' },
    ];
    test.each(choices)('choice $choice keeps $note', ({ choice, note }) => {
      expect(importInto(mine, theirs, choice ? { [X]: choice } : {}).confirmations[X]!.note).toBe(note);
    });
  });

  test('the merge is made again at confirm time: what was ticked after the preview is kept', () => {
    const code = codeOf(confirmed(X, '张伟', 0));
    const preview = previewImport(readShareText(code), stateOf(emptyChecklist()));
    if (!preview.ok) throw new Error('refused');
    const since = confirmed(Y, '王芳', 30);
    const after = checklistAfterImport(preview.share, stateOf(since), {});
    expect(after.ok && Object.keys(after.checklist.confirmations).sort()).toEqual([X, Y].sort());
  });
});

describe('the only-mine filter', () => {
  const owners = { a: '张伟', b: '王芳', c: 'Li Na' };
  const cases: { name: string; myName: string; hidden: string[] }[] = [
    { name: 'no name: nothing hidden', myName: '  ', hidden: [] },
    { name: 'others’ items hidden, mine and unowned kept', myName: '张伟', hidden: ['b', 'c'] },
    { name: 'spaces, case and full-width forms do not matter', myName: ' ｌｉ ｎａ ', hidden: ['a', 'b'] },
    { name: 'a name nobody owns hides every owned item', myName: '刘洋', hidden: ['a', 'b', 'c'] },
  ];
  test.each(cases)('$name', ({ myName, hidden }) => {
    expect([...hiddenByOwner(owners, myName)].sort()).toEqual(hidden);
  });
});

describe('an institution layer’s items travel with the share', () => {
  const layer = (() => {
    const loaded = readPackFile(join(bundledPackDir, 'examples', 'institution-2026.json'));
    if (!loaded.ok) throw new Error(loaded.errors.join('\n'));
    return loaded.pack;
  })();
  const added = 'example-institution-2026/2019-intl-1-1.7/internal-deadline-agreement';
  const withLayer = (checklist: Checklist) => ({ ...stateOf(checklist), layers: [layer] });

  test('a confirmation of the layer’s rule is shared, merged and named in the summary', () => {
    const share = shareOfState(
      withLayer(confirmed(added, '张伟', -60)),
      {},
      { sharedBy: '张伟', include: [], now: NOW },
    )!;
    expect(share.items[added]).toMatchObject({ confirmation: { by: '张伟' } });
    const text = encodeShareCode(share);
    const preview = previewImport(readShareText(text), withLayer(emptyChecklist()));
    if (!preview.ok) throw new Error(preview.message.zh);
    expect(preview.result.flags.unknownRules).toEqual([]);
    const after = checklistAfterImport(preview.share, withLayer(emptyChecklist()), {});
    expect(after.ok && after.checklist.confirmations[added]?.by).toBe('张伟');
    expect(shareSummaryMarkdown(share, pack, 'zh', [layer])).toContain('（本校要求）合作协议已报科研处备案');
    // Without the layer in use on the receiving side the item is flagged as a rule this pack does not know.
    const bare = previewImport(readShareText(text), stateOf(emptyChecklist()));
    expect(bare.ok && bare.result.flags.unknownRules).toEqual([added]);
  });
});
