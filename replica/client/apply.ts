import { TIMEOUT_NOTICE, loadValues, pageParams, postValues } from './api';
import { addRow, clear, collect, deleteRow, fill, formDocuments, framesLoaded, missingRequired } from './formDom';

/**
 * The script of the server-rendered pages (standard, large, v2 forms and the 经费预算 frame): row
 * 添加/删除, attachment list, 保存/提交 against the replica server, restore on load, session timeout.
 */

function showMessage(doc: Document, text: string, kind: 'ok' | 'error'): void {
  const box = doc.getElementById('msg');
  if (!box) return;
  box.textContent = text;
  box.className = kind;
}

function showTimeoutNotice(doc: Document): void {
  if (doc.querySelector('.timeout')) return;
  const notice = doc.createElement('div');
  notice.className = 'timeout';
  notice.append(`${TIMEOUT_NOTICE}。`);
  const relogin = doc.createElement('a');
  relogin.href = '#';
  relogin.textContent = '重新登录';
  relogin.dataset.action = 'relogin';
  notice.append(relogin);
  doc.querySelector('#main')?.prepend(notice);
}

/** 经费合计 = 中央财政经费 + 其他来源经费, kept current as the frame's portal page does. */
function wireBudgetTotal(doc: Document): void {
  const field = (name: string) => doc.querySelector<HTMLInputElement>(`input[name="${name}"]`)!;
  doc.addEventListener('input', (e) => {
    if ((e.target as HTMLInputElement).name === 'jfys.hj') return;
    const central = Number.parseFloat(field('jfys.zyczjf').value);
    const other = Number.parseFloat(field('jfys.qtlyjf').value);
    const sum = (Number.isFinite(central) ? central : 0) + (Number.isFinite(other) ? other : 0);
    field('jfys.hj').value =
      field('jfys.zyczjf').value || field('jfys.qtlyjf').value ? String(Math.round(sum * 100) / 100) : '';
  });
}

async function save(doc: Document, sbbh: string, action: 'save' | 'submit'): Promise<void> {
  const docs = formDocuments(doc);
  for (const d of docs) for (const c of Array.from(d.querySelectorAll('.err'))) c.classList.remove('err');
  if (action === 'submit') {
    const missing = missingRequired(docs);
    if (missing.length) {
      for (const m of missing) m.control.classList.add('err');
      showMessage(doc, `以下必填项不能为空：${[...new Set(missing.map((m) => m.label))].join('、')}`, 'error');
      return;
    }
  }
  try {
    showMessage(doc, await postValues(action, sbbh, collect(docs)), 'ok');
  } catch (e) {
    showMessage(doc, `保存失败：${(e as Error).message}`, 'error');
  }
}

function startForm(doc: Document): void {
  const { sbbh, expired } = pageParams(doc);
  doc.addEventListener('click', (e) => {
    const target = e.target as HTMLElement;
    const action = target.dataset.action;
    if (!action) return;
    e.preventDefault();
    if (action === 'add-row') addRow(doc, target.dataset.repeatTarget!);
    else if (action === 'delete-row') deleteRow(target.closest('tr')!);
    else if (action === 'save' || action === 'submit') void save(doc, sbbh, action);
    else if (action === 'relogin') target.closest('.timeout')?.remove();
  });
  // choosing a file lists it (no real upload), with the 附件类型 chosen in the same upload row
  doc.addEventListener('change', (e) => {
    const input = e.target as HTMLInputElement;
    if (input.type !== 'file' || !input.files?.length) return;
    const kind = input.closest('tr, .upload')?.querySelector('select');
    if (!kind?.value) {
      showMessage(doc, '请先选择附件类型', 'error');
      input.value = '';
      return;
    }
    for (const file of Array.from(input.files)) {
      const row = addRow(doc, input.dataset.repeatTarget!);
      row.querySelector<HTMLSelectElement>('select')!.value = kind.value;
      row.querySelector<HTMLInputElement>('input[readonly]')!.value = file.name;
    }
    input.value = '';
    kind.selectedIndex = 0;
  });
  const ready = (async () => {
    await framesLoaded(doc);
    if (expired) showTimeoutNotice(doc);
    else {
      const values = await loadValues(sbbh);
      if (Object.keys(values).length) fill(formDocuments(doc), values);
    }
    doc.body.dataset.loaded = '1';
  })();
  window.__replica = {
    ready,
    expireSession() {
      clear(formDocuments(doc));
      showTimeoutNotice(doc);
    },
    // server-rendered: nothing re-renders, the hook exists so tests can call it on every variant
    rerender() {},
  };
}

if (document.body.dataset.form === 'jfys') wireBudgetTotal(document);
else startForm(document);
