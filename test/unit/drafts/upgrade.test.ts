import { describe, expect, it } from 'vitest';
import { openDraftDb } from '@/lib/drafts/db';
import { listRevisions } from '@/lib/drafts/revisions';
import { getDraft, listDrafts, saveDraft } from '@/lib/drafts/store';
import { V1DraftDb, type V1DraftRow } from '@/test/fixtures/drafts/v1Schema';
import { sampleFields } from '@/test/fixtures/drafts/sample';

const at = '2024-03-01T02:00:00.000Z';
const v1Drafts: V1DraftRow[] = [
  {
    key: 'service.most.gov.cn|A001',
    host: 'service.most.gov.cn',
    applicationId: 'A001',
    title: '储能材料国际合作',
    guideline: 'g2019',
    direction: '1.4',
    fields: sampleFields(1),
    checklist: {
      confirmations: { bothSidesApply: { by: '张三', at, note: '瑞方已确认' } },
      documents: { cooperationAgreement: { ready: true, at } },
      acknowledgements: { budgetHigh: { reason: '设备费较高', at } },
      owners: { cooperationAgreement: '李四' },
    },
    revision: 7,
    createdAt: at,
    updatedAt: at,
  },
  {
    key: 'my own key',
    host: 'service.most.gov.cn',
    applicationId: 'B002',
    title: '已删除的草稿',
    fields: {},
    checklist: { confirmations: {}, documents: {}, acknowledgements: {}, owners: {} },
    revision: 1,
    createdAt: at,
    updatedAt: at,
    deletedAt: at,
  },
];

describe('schema upgrade v1 → v2', () => {
  it('finds every v1 draft intact, its checklist moved to the checklists table', async () => {
    const name = `upgrade-${Math.random().toString(36).slice(2)}`;
    const v1 = new V1DraftDb(name);
    await v1.drafts.bulkPut(v1Drafts);
    await v1.revisions.add({
      key: 'service.most.gov.cn|A001',
      revision: 7,
      at,
      reason: 'save',
      title: '储能材料国际合作',
      fields: { a: '1' },
      checklist: v1Drafts[0]!.checklist,
    });
    expect(v1.verno).toBe(1);
    v1.close();

    const db = openDraftDb(name);
    await db.open();
    expect(db.verno).toBe(2);
    expect(await listDrafts(db, { includeDeleted: true })).toEqual(expect.arrayContaining(v1Drafts));
    expect(await listDrafts(db, { includeDeleted: true })).toHaveLength(2);
    expect(await getDraft(db, 'service.most.gov.cn|A001')).toEqual(v1Drafts[0]);
    // the drafts rows no longer carry the checklist; the new index answers
    expect(await db.drafts.get('service.most.gov.cn|A001')).not.toHaveProperty('checklist');
    expect(await db.drafts.where('guideline').equals('g2019').primaryKeys()).toEqual(['service.most.gov.cn|A001']);
    expect(await listRevisions(db, 'service.most.gov.cn|A001')).toMatchObject([{ revision: 7, fields: { a: '1' } }]);

    // and the upgraded draft keeps working: compare-and-set continues from revision 7
    const saved = await saveDraft(db, {
      key: 'service.most.gov.cn|A001',
      host: 'service.most.gov.cn',
      applicationId: 'A001',
      fields: { piName: '王五' },
      baseRevision: 7,
    });
    expect(saved).toMatchObject({ ok: true, draft: { revision: 8, checklist: v1Drafts[0]!.checklist } });
    db.close();
  });
});
