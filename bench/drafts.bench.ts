// Draft store timings in Node on fake-indexeddb (an in-memory IndexedDB): they show the cost of our own logic and
// Dexie, not of a browser's disk. The real-browser round trip (with durability 'strict') is measured by the lead.
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { openDraftDb } from '../lib/drafts/db';
import type { Draft, Revision } from '../lib/drafts/model';
import { listDrafts, saveDraft } from '../lib/drafts/store';
import { sampleFields } from '../test/fixtures/drafts/sample';
import { median, percentile, type Bench, type BenchFigure } from './types';
import { draftKey } from '../lib/core/vocabulary';

const checklist = {
  confirmations: { bothSidesApply: { by: '张三', at: '2024-03-01T02:00:00.000Z', note: '瑞方已向 Vinnova 申报' } },
  documents: {
    cooperationAgreement: { ready: true, at: '2024-03-01T02:00:00.000Z' },
    partnerLetterOfIntent: { ready: false, at: '2024-03-01T02:00:00.000Z' },
  },
  acknowledgements: { budgetHigh: { reason: '设备费较高，已与专业机构沟通', at: '2024-03-01T02:00:00.000Z' } },
  owners: { cooperationAgreement: '李四', abstractEn: '王五' },
};

async function saveLatency(): Promise<BenchFigure[]> {
  let now = Date.parse('2024-03-01T02:00:00.000Z');
  const db = openDraftDb('bench-save', { indexedDB, IDBKeyRange, now: () => new Date(now) });
  const ids = {
    key: draftKey('https://service.most.gov.cn', 'A001'),
    host: 'service.most.gov.cn',
    applicationId: 'A001',
  };
  await saveDraft(db, { ...ids, fields: sampleFields(), checklist });
  const times: number[] = [];
  for (let i = 0; i < 200; i++) {
    now += 2000; // typing: one field changes every 2 s, so one save in 15 adds a revision
    const started = performance.now();
    const result = await saveDraft(db, {
      ...ids,
      fields: { projectNameZh: `面向智能电网的新型储能材料国际合作研究 ${i}` },
    });
    times.push(performance.now() - started);
    if (!result.ok) throw new Error('bench save failed');
  }
  db.close();
  return [
    {
      name: 'save commit latency',
      value: median(times),
      unit: 'ms',
      note: 'median of 200 autosaves of one field into a 60-field draft',
    },
    { name: 'save commit latency', value: percentile(times, 95), unit: 'ms', note: 'p95 of 200' },
    { name: 'save commit latency', value: percentile(times, 99), unit: 'ms', note: 'p99 of 200' },
  ];
}

async function listLatency(): Promise<BenchFigure[]> {
  const db = openDraftDb('bench-list', { indexedDB, IDBKeyRange });
  const drafts: Draft[] = [];
  const revisions: Revision[] = [];
  for (let i = 0; i < 1000; i++) {
    const at = new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString();
    const key = draftKey('https://service.most.gov.cn', `A${i}`);
    const draft: Draft = {
      key,
      host: 'service.most.gov.cn',
      applicationId: `A${i}`,
      title: `项目 ${i}`,
      guideline: 'g2019',
      direction: '1.4',
      fields: sampleFields(i),
      checklist,
      revision: 20,
      createdAt: at,
      updatedAt: at,
    };
    drafts.push(draft);
    for (let r = 1; r <= 20; r++)
      revisions.push({
        key,
        revision: r,
        at,
        reason: 'save',
        title: draft.title,
        direction: '1.4',
        fields: draft.fields,
        checklist,
      });
  }
  await db.drafts.bulkPut(drafts.map(({ checklist: _checklist, ...row }) => row));
  await db.checklists.bulkPut(drafts.map((d) => ({ ...d.checklist, key: d.key })));
  await db.revisions.bulkAdd(revisions);

  const all: number[] = [];
  const searched: number[] = [];
  for (let run = 0; run < 7; run++) {
    let started = performance.now();
    const listed = await listDrafts(db);
    all.push(performance.now() - started);
    if (listed.length !== 1000) throw new Error('bench list incomplete');
    started = performance.now();
    await listDrafts(db, { search: '项目 99' });
    searched.push(performance.now() - started);
  }
  db.close();
  return [
    {
      name: 'list 1,000 drafts × 20 revisions',
      value: median(all),
      unit: 'ms',
      note: 'median of 7, full drafts with checklists',
      target: '≤ 200 ms',
    },
    { name: 'list 1,000 drafts × 20 revisions', value: Math.max(...all), unit: 'ms', note: 'worst of 7' },
    { name: 'search 1,000 drafts', value: median(searched), unit: 'ms', note: 'median of 7' },
  ];
}

function sizes(): BenchFigure[] {
  const at = '2024-03-01T02:00:00.000Z';
  const draft: Draft = {
    ...{
      key: 'service.most.gov.cn|A001',
      host: 'service.most.gov.cn',
      applicationId: 'A001',
      title: '储能材料国际合作',
    },
    fields: sampleFields(),
    checklist,
    revision: 12,
    createdAt: at,
    updatedAt: at,
  };
  const bytes = (value: unknown) => new TextEncoder().encode(JSON.stringify(value)).length;
  return [
    {
      name: 'bytes per draft',
      value: bytes(draft),
      unit: 'bytes',
      note: `JSON (UTF-8) of a draft with ${Object.keys(draft.fields).length} fields and a checklist`,
    },
    {
      name: 'bytes per draft with full history',
      value: bytes(draft) * 51,
      unit: 'bytes',
      note: 'upper bound: draft + 50 revision snapshots of the same size (one-per-day ones come on top)',
    },
  ];
}

const bench: Bench = {
  topic: 'drafts',
  async run() {
    return [...(await saveLatency()), ...(await listLatency()), ...sizes()];
  },
};
export default bench;
