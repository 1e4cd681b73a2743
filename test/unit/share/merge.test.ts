import { describe, expect, test } from 'vitest';
import type { ItemParts } from '@/lib/share/items';
import {
  CLOCK_SKEW_SECONDS,
  decideItem,
  mergeContextFor,
  mergeShare,
  resolveConflict,
  type MergeResult,
} from '@/lib/share/merge';
import type { Share } from '@/lib/share/model';
import { fullShare } from '../../fixtures/share/shares';
import { realPack } from '../../fixtures/share/team';
import { emptyChecklist, type Checklist } from '@/lib/core/vocabulary';

const T0 = '2024-03-01T02:00:00.000Z';
const at = (seconds: number) => new Date(Date.parse(T0) + seconds * 1000).toISOString();
const confirmed = (by: string, seconds: number, note?: string): ItemParts['confirmation'] => ({
  by,
  at: at(seconds),
  ...(note ? { note } : {}),
});

// mine, theirs → what the merge takes from theirs, and the conflicting parts left for the user
const cases: { name: string; mine: ItemParts; theirs: ItemParts; take: ItemParts; conflict?: string[] }[] = [
  {
    name: 'identical items: nothing',
    mine: { confirmation: confirmed('张伟', 0, '已提交') },
    theirs: { confirmation: confirmed('张伟', 0, '已提交') },
    take: {},
  },
  {
    name: 'empty locally: everything taken',
    mine: {},
    theirs: { confirmation: confirmed('王芳', 0), owner: '李娜' },
    take: { confirmation: confirmed('王芳', 0), owner: '李娜' },
  },
  { name: 'empty incoming: nothing', mine: { owner: '李娜' }, theirs: {}, take: {} },
  {
    name: 'a part missing locally is added, the rest kept',
    mine: { confirmation: confirmed('张伟', 500) },
    theirs: { document: { ready: true, at: at(0) } },
    take: { document: { ready: true, at: at(0) } },
  },
  {
    name: 'a share never removes a part',
    mine: { confirmation: confirmed('张伟', 0), owner: '李娜' },
    theirs: { owner: '李娜' },
    take: {},
  },
  {
    name: 'incoming changed later: it wins',
    mine: { confirmation: confirmed('张伟', 0, '旧') },
    theirs: { confirmation: confirmed('王芳', 3600, '新') },
    take: { confirmation: confirmed('王芳', 3600, '新') },
  },
  {
    name: 'local changed later: it stays',
    mine: { confirmation: confirmed('张伟', 3600, '新') },
    theirs: { confirmation: confirmed('王芳', 0, '旧') },
    take: {},
  },
  {
    name: 'local later: its parts stay, missing ones are still added',
    mine: { confirmation: confirmed('张伟', 3600), owner: '张伟' },
    theirs: { confirmation: confirmed('王芳', 0), owner: '王芳', document: { ready: false, at: at(0) } },
    take: { document: { ready: false, at: at(0) } },
  },
  {
    name: 'incoming later: every differing part taken, owner included',
    mine: { confirmation: confirmed('张伟', 0), owner: '张伟' },
    theirs: { confirmation: confirmed('王芳', 3600), owner: '王芳' },
    take: { confirmation: confirmed('王芳', 3600), owner: '王芳' },
  },
  {
    name: 'the latest part decides the item time',
    mine: { confirmation: confirmed('张伟', 0), document: { ready: false, at: at(7200) } },
    theirs: { confirmation: confirmed('王芳', 3600) },
    take: {},
  },
  {
    name: 'changed within the clock skew: conflict',
    mine: { confirmation: confirmed('张伟', 0, '甲') },
    theirs: { confirmation: confirmed('王芳', CLOCK_SKEW_SECONDS, '乙') },
    take: {},
    conflict: ['confirmation'],
  },
  {
    name: 'just beyond the clock skew: ordered',
    mine: { confirmation: confirmed('张伟', 0, '甲') },
    theirs: { confirmation: confirmed('王芳', CLOCK_SKEW_SECONDS + 1, '乙') },
    take: { confirmation: confirmed('王芳', CLOCK_SKEW_SECONDS + 1, '乙') },
  },
  {
    name: 'two owners, no times: conflict',
    mine: { owner: '张伟' },
    theirs: { owner: '王芳' },
    take: {},
    conflict: ['owner'],
  },
  {
    name: 'owner only locally, incoming confirmed with another owner: confirmation added, owner in conflict',
    mine: { owner: '张伟' },
    theirs: { confirmation: confirmed('王芳', 0), owner: '王芳' },
    take: { confirmation: confirmed('王芳', 0) },
    conflict: ['owner'],
  },
  {
    name: 'document ready vs not ready at the same time: conflict',
    mine: { document: { ready: false, at: at(0) } },
    theirs: { document: { ready: true, at: at(0) } },
    take: {},
    conflict: ['document'],
  },
];

describe('per item: last change wins, ties are conflicts', () => {
  test.each(cases)('$name', ({ mine, theirs, take, conflict }) => {
    const decision = decideItem(mine, theirs);
    expect(decision.take).toEqual(take);
    expect(decision.conflict?.parts).toEqual(conflict);
  });
});

const pack = realPack();
const context = mergeContextFor(pack, '1.6')!;
const id = (slug: string) => `2019-intl-1/1.6/${slug}`;

function shareWith(items: Share['items'], patch: Partial<Share> = {}): Share {
  return { ...fullShare(), items, ...patch };
}

function merged(result: ReturnType<typeof mergeShare>): MergeResult {
  if (!result.ok) throw new Error(result.message.en);
  return result;
}

describe('mergeShare', () => {
  test('a teammate’s full share into an empty checklist applies every item, conflict-free', () => {
    const share = fullShare();
    const result = merged(mergeShare(emptyChecklist(), share, context));
    expect(result.applied).toEqual(
      Object.keys(share.items).filter((k) => Object.keys(share.items[k]!).some((p) => p !== 'status')),
    );
    expect(result.conflicts).toEqual([]);
    expect(result.flags).toEqual({ unknownRules: [] });
    expect(result.notices).toEqual([]);
    const someId = id('ip-agreement');
    expect(result.merged.confirmations[someId]).toEqual(share.items[someId]!.confirmation);
    expect(result.merged.owners[someId]).toBe(share.items[someId]!.owner);
    // Merging the same share again changes nothing.
    expect(merged(mergeShare(result.merged, share, context)).applied).toEqual([]);
  });

  test('the local checklist is not modified in place', () => {
    const local = emptyChecklist();
    merged(mergeShare(local, fullShare(), context));
    expect(local).toEqual(emptyChecklist());
  });

  test.each([
    ['another guideline', { packId: '2020-hmt' }, 'otherGuideline', '另一份申报指南'],
    ['another direction', { direction: '1.5' }, 'otherDirection', '指南方向 1.5'],
  ])('a share for %s is refused before merging', (_, patch, reason, zh) => {
    const result = mergeShare(emptyChecklist(), shareWith(fullShare().items, patch), context);
    expect(result).toMatchObject({ ok: false, reason });
    if (!result.ok) {
      expect(result.message.zh).toContain(zh);
      expect(result.message.en).toContain('Nothing was merged');
    }
  });

  test('another pack version is flagged; items are mapped by rule id and unknown ids reported', () => {
    const share = shareWith(
      {
        [id('ip-agreement')]: { document: { ready: true, at: T0 }, changedAt: T0 },
        [id('renamed-in-v2')]: { owner: '王芳' },
        [id('status-only')]: { status: 'pass' },
      },
      { packVersion: 2 },
    );
    const result = merged(mergeShare(emptyChecklist(), share, context));
    expect(result.flags).toEqual({ otherPackVersion: { theirs: 2, ours: 1 }, unknownRules: [id('renamed-in-v2')] });
    expect(result.applied).toEqual([id('ip-agreement')]);
    expect(result.merged.documents).toEqual({ [id('ip-agreement')]: { ready: true, at: T0 } });
    expect(result.notices.map((n) => n.zh)).toEqual([
      '此分享基于规则包第 2 版，本机为第 1 版：已按规则编号对应',
      `1 项在本机规则包中不存在，未合并：${id('renamed-in-v2')}`,
    ]);
  });

  describe('conflicts', () => {
    const local: Checklist = {
      ...emptyChecklist(),
      confirmations: { [id('both-sides-apply')]: { by: '张伟', at: '2024-03-01T02:00:00.400Z', note: '挪方已提交' } },
      owners: { [id('ip-agreement')]: '张伟', [id('english-title')]: '张伟' },
    };
    const share = shareWith({
      [id('both-sides-apply')]: { confirmation: { by: '王芳', at: at(30), note: '挪方尚未提交' }, changedAt: at(30) },
      [id('ip-agreement')]: { owner: '王芳' },
      [id('english-title')]: { owner: '张伟', confirmation: { by: '王芳', at: at(60) }, changedAt: at(60) },
    });

    test('are listed side by side and left as they are locally', () => {
      const result = merged(mergeShare(local, share, context));
      expect(result.conflicts).toEqual([
        {
          ruleId: id('both-sides-apply'),
          parts: ['confirmation'],
          local: { confirmation: { by: '张伟', at: T0, note: '挪方已提交' } },
          incoming: { confirmation: { by: '王芳', at: at(30), note: '挪方尚未提交' } },
        },
        { ruleId: id('ip-agreement'), parts: ['owner'], local: { owner: '张伟' }, incoming: { owner: '王芳' } },
      ]);
      expect(result.applied).toEqual([id('english-title')]);
      expect(result.merged.confirmations[id('both-sides-apply')]).toEqual(local.confirmations[id('both-sides-apply')]);
      expect(result.merged.owners[id('ip-agreement')]).toBe('张伟');
    });

    test('resolving takes the chosen side, one item at a time', () => {
      let result = merged(mergeShare(local, share, context));
      result = resolveConflict(result, id('both-sides-apply'), 'incoming');
      expect(result.merged.confirmations[id('both-sides-apply')]).toEqual({
        by: '王芳',
        at: at(30),
        note: '挪方尚未提交',
      });
      expect(result.applied).toContain(id('both-sides-apply'));
      expect(result.conflicts.map((c) => c.ruleId)).toEqual([id('ip-agreement')]);
      result = resolveConflict(result, id('ip-agreement'), 'local');
      expect(result.merged.owners[id('ip-agreement')]).toBe('张伟');
      expect(result.applied).not.toContain(id('ip-agreement'));
      expect(result.conflicts).toEqual([]);
      expect(resolveConflict(result, id('ip-agreement'), 'incoming')).toBe(result);
    });
  });
});
