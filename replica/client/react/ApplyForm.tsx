import { type ChangeEvent, type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { directionGroups } from '../../data/directions';
import {
  type Choice,
  attachmentKinds,
  countries,
  degrees,
  idKinds,
  partnerMemberships,
  programs,
  titles,
  unitKinds,
} from '../../data/vocabularies';
import type { FormValues } from '../../formValues';
import { TIMEOUT_NOTICE, loadValues, postValues } from '../api';
import { rowCount } from '../rows';

/**
 * The application form as a React 19 app with controlled inputs: every value lives in React state, so a
 * value written into the DOM without React's onChange is put back on the next render (重新渲染).
 * Same field names as the server-rendered form; 经费预算 is inline (React events do not cross into an iframe).
 */

type Rows = { cydw: number; fjxx: number };

const REQUIRED: [string, string][] = [
  ['xmxx.xmmc', '项目名称'],
  ['xmxx.ywmc', '英文名称'],
  ['xmxx.sszx', '所属专项'],
  ['xmxx.znfx', '指南方向'],
  ['xmxx.zxqxks', '执行期限（开始）'],
  ['xmxx.zxqxjs', '执行期限（结束）'],
  ['sbdw.dwmc', '申报单位名称'],
  ['sbdw.tyshxydm', '统一社会信用代码'],
  ['sbdw.dwxz', '单位性质'],
  ['xmfzr.xm', '项目负责人姓名'],
  ['xmfzr.zc', '职称'],
  ['xmfzr.zjhm', '证件号码'],
  ['xmfzr.sj', '手机'],
  ['xmfzr.dzyx', '电子邮箱'],
  ['jfys.zyczjf', '中央财政经费'],
];

/** The values with row `i` of table `key` removed and later rows moved up one index */
function withoutRow(values: FormValues, key: string, i: number): FormValues {
  const out: FormValues = {};
  const pattern = new RegExp(`^${key}\\[(\\d+)\\]`);
  for (const [name, value] of Object.entries(values)) {
    const m = pattern.exec(name);
    const index = m ? Number(m[1]) : -1;
    if (index === i) continue;
    out[index > i ? name.replace(pattern, `${key}[${index - 1}]`) : name] = value;
  }
  return out;
}

function Label({ text, required }: { text: string; required?: boolean }) {
  return (
    <td className="label">
      {text}
      {required && <span className="req">*</span>}
    </td>
  );
}

function Section({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <table className="tb-form">
      <tbody>
        <tr>
          <th className="hd" colSpan={4}>
            {title}
          </th>
        </tr>
        {children}
      </tbody>
    </table>
  );
}

export function ApplyForm({ sbbh, expired: startExpired }: { sbbh: string; expired: boolean }) {
  const [values, setValues] = useState<FormValues>({});
  const [rows, setRows] = useState<Rows>({ cydw: 0, fjxx: 0 });
  const [renders, setRenders] = useState(1);
  const [expired, setExpired] = useState(startExpired);
  const [loaded, setLoaded] = useState(false);
  const [message, setMessage] = useState<{ text: string; kind: 'ok' | 'error' }>();
  const [errors, setErrors] = useState<Set<string>>(new Set());
  const uid = useId();
  const readyResolve = useRef<() => void>(undefined);

  useEffect(() => {
    const ready = new Promise<void>((resolve) => (readyResolve.current = resolve));
    window.__replica = {
      ready,
      expireSession() {
        setValues({});
        setRows({ cydw: 0, fjxx: 0 });
        setExpired(true);
      },
      rerender: () => setRenders((n) => n + 1),
    };
    if (startExpired) return setLoaded(true);
    loadValues(sbbh)
      .then((saved) => {
        setValues(saved);
        setRows({ cydw: rowCount(saved, 'cydw'), fjxx: rowCount(saved, 'fjxx') });
      })
      .finally(() => setLoaded(true));
  }, [sbbh, startExpired]);

  useEffect(() => {
    if (!loaded) return;
    document.body.dataset.loaded = '1';
    readyResolve.current?.();
  }, [loaded]);

  const str = (name: string) => {
    const v = values[name];
    return Array.isArray(v) ? (v[0] ?? '') : (v ?? '');
  };
  const set = (name: string, value: string | string[]) => setValues((old) => ({ ...old, [name]: value }));
  const cls = (name: string, base: string) => (errors.has(name) ? `${base} err` : base);
  const id = (name: string) => `${uid}${name.replace(/\W/g, '_')}`;

  const text = (
    name: string,
    extra: { placeholder?: string; type?: string; readOnly?: boolean; width?: string } = {},
  ) => (
    <input
      type={extra.type ?? 'text'}
      name={name}
      id={id(name)}
      className={cls(name, 'inp')}
      placeholder={extra.placeholder}
      readOnly={extra.readOnly}
      style={extra.width ? { width: extra.width } : undefined}
      value={str(name)}
      onChange={(e: ChangeEvent<HTMLInputElement>) => set(name, e.target.value)}
    />
  );
  const select = (name: string, choices: Choice[], groups?: [string, Choice[]][]) => (
    <select
      name={name}
      id={id(name)}
      className={cls(name, 'sel')}
      value={str(name)}
      onChange={(e) => set(name, e.target.value)}
    >
      <option value="">--请选择--</option>
      {choices.map((c) => (
        <option key={c.value} value={c.value}>
          {c.text}
        </option>
      ))}
      {groups?.map(([label, options]) => (
        <optgroup key={label} label={label}>
          {options.map((c) => (
            <option key={c.value} value={c.value}>
              {c.text}
            </option>
          ))}
        </optgroup>
      ))}
    </select>
  );
  const choices = (kind: 'radio' | 'checkbox', name: string, options: Choice[]) =>
    options.map((c, i) => {
      const checkedList = Array.isArray(values[name]) ? (values[name] as string[]) : [];
      const checked = kind === 'radio' ? str(name) === c.value : checkedList.includes(c.value);
      const onChange = (e: ChangeEvent<HTMLInputElement>) =>
        set(
          name,
          kind === 'radio'
            ? c.value
            : e.target.checked
              ? [...checkedList, c.value]
              : checkedList.filter((v) => v !== c.value),
        );
      return (
        <span className="choice" key={c.value}>
          <input
            type={kind}
            name={name}
            id={`${id(name)}_${i}`}
            value={c.value}
            checked={checked}
            onChange={onChange}
          />
          <label htmlFor={`${id(name)}_${i}`}>{c.text}</label>
        </span>
      );
    });

  /** Only the rows on screen: leftovers of deleted rows are not posted */
  const visibleValues = (): FormValues =>
    Object.fromEntries(
      Object.entries(values).filter(([name]) => {
        const m = /^(cydw|fjxx)\[(\d+)\]/.exec(name);
        return !m || Number(m[2]) < rows[m[1] as keyof Rows];
      }),
    );

  async function post(action: 'save' | 'submit') {
    if (action === 'submit') {
      const required = [
        ...REQUIRED,
        ...Array.from({ length: rows.cydw }, (_, i): [string, string] => [`cydw[${i}].dwmc`, '参与单位名称']),
      ];
      const missing = required.filter(([name]) => !str(name).trim());
      setErrors(new Set(missing.map(([name]) => name)));
      if (missing.length) {
        setMessage({
          text: `以下必填项不能为空：${[...new Set(missing.map(([, label]) => label))].join('、')}`,
          kind: 'error',
        });
        return;
      }
    }
    try {
      setMessage({ text: await postValues(action, sbbh, visibleValues()), kind: 'ok' });
    } catch (e) {
      setMessage({ text: `保存失败：${(e as Error).message}`, kind: 'error' });
    }
  }

  function deleteRow(key: keyof Rows, i: number) {
    setValues((old) => withoutRow(old, key, i));
    setRows((old) => ({ ...old, [key]: old[key] - 1 }));
  }

  function onFile(e: ChangeEvent<HTMLInputElement>) {
    const kind = str('fjsc.fjlx');
    const files = Array.from(e.target.files ?? []);
    e.target.value = '';
    if (!files.length) return;
    if (!kind) return setMessage({ text: '请先选择附件类型', kind: 'error' });
    const next: FormValues = { ...values, 'fjsc.fjlx': '' };
    files.forEach((f, k) => {
      next[`fjxx[${rows.fjxx + k}].fjlx`] = kind;
      next[`fjxx[${rows.fjxx + k}].wjmc`] = f.name;
    });
    setValues(next);
    setRows((old) => ({ ...old, fjxx: old.fjxx + files.length }));
  }

  const central = Number.parseFloat(str('jfys.zyczjf'));
  const other = Number.parseFloat(str('jfys.qtlyjf'));
  const total =
    str('jfys.zyczjf') || str('jfys.qtlyjf')
      ? String(
          Math.round(((Number.isFinite(central) ? central : 0) + (Number.isFinite(other) ? other : 0)) * 100) / 100,
        )
      : '';

  return (
    <>
      {expired && (
        <div className="timeout">
          {TIMEOUT_NOTICE}。
          {/* biome-ignore lint/a11y/useValidAnchor: the replica copies the portal's href="#" links */}
          <a
            href="#"
            onClick={(e) => {
              e.preventDefault();
              setExpired(false);
            }}
          >
            重新登录
          </a>
        </div>
      )}
      <h1 className="page-title">国家重点研发计划项目申报书（正式申报）</h1>
      <div className="toolbar">
        <span className="hint">渲染次数：</span>
        <span id="render-count">{renders}</span>{' '}
        <input type="button" className="btn" value="重新渲染" onClick={() => setRenders((n) => n + 1)} />
      </div>
      <form onSubmit={(e) => e.preventDefault()}>
        <Section title="一、基本信息">
          <tr>
            <Label text="申报编号" />
            <td>
              <span className="readonly-val">{sbbh}</span>
            </td>
            <Label text="专业机构" />
            <td>中国科学技术交流中心</td>
          </tr>
          <tr>
            <Label text="项目名称" required />
            <td colSpan={3}>{text('xmxx.xmmc')}</td>
          </tr>
          <tr>
            <Label text="英文名称" required />
            <td colSpan={3}>{text('xmxx.ywmc')}</td>
          </tr>
          <tr>
            <Label text="所属专项" required />
            <td>{select('xmxx.sszx', programs)}</td>
            <Label text="推荐单位" />
            <td>{text('xmxx.tjdw')}</td>
          </tr>
          <tr>
            <Label text="指南方向" required />
            <td colSpan={3}>{select('xmxx.znfx', [], directionGroups())}</td>
          </tr>
          <tr>
            <Label text="执行期限" required />
            <td colSpan={3}>
              {text('xmxx.zxqxks', { placeholder: 'yyyy-mm-dd', width: '120px' })} 至{' '}
              {text('xmxx.zxqxjs', { type: 'date', width: '140px' })}
            </td>
          </tr>
        </Section>
        <Section title="二、申报单位">
          <tr>
            <Label text="单位名称" required />
            <td colSpan={3}>{text('sbdw.dwmc')}</td>
          </tr>
          <tr>
            <Label text="统一社会信用代码" required />
            <td>{text('sbdw.tyshxydm')}</td>
            <Label text="单位性质" required />
            <td>{select('sbdw.dwxz', unitKinds)}</td>
          </tr>
          <tr>
            <Label text="上级主管部门" />
            <td colSpan={3}>{text('sbdw.sjzgbm')}</td>
          </tr>
        </Section>
        <Section title="三、参与单位" />
        <table className="tb-list">
          <tbody>
            <tr>
              {[
                '序号',
                '单位名称',
                '单位类型',
                '隶属关系/上级主管部门',
                '国拨经费（万元）',
                '自筹经费（万元）',
                '操作',
              ].map((h) => (
                <th key={h}>{h}</th>
              ))}
            </tr>
            {Array.from({ length: rows.cydw }, (_, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the row number is the row's identity (cydw[i].…)
              <tr key={i}>
                <td className="xh">{i + 1}</td>
                <td>{text(`cydw[${i}].dwmc`)}</td>
                <td>{select(`cydw[${i}].dwlx`, unitKinds)}</td>
                <td>{text(`cydw[${i}].lsgx`)}</td>
                <td>{text(`cydw[${i}].gbjf`, { width: '80px' })}</td>
                <td>{text(`cydw[${i}].zcjf`, { width: '80px' })}</td>
                <td>
                  <input type="button" className="btn" value="删除" onClick={() => deleteRow('cydw', i)} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="toolbar">
          <input
            type="button"
            className="btn"
            value="添加"
            onClick={() => setRows((old) => ({ ...old, cydw: old.cydw + 1 }))}
          />
        </div>
        <Section title="四、项目负责人">
          <tr>
            <Label text="姓名" required />
            <td>{text('xmfzr.xm')}</td>
            <Label text="性别" />
            <td>
              {choices('radio', 'xmfzr.xb', [
                { value: '1', text: '男' },
                { value: '2', text: '女' },
              ])}
            </td>
          </tr>
          <tr>
            <Label text="职称" required />
            <td>{select('xmfzr.zc', titles)}</td>
            <Label text="学位" />
            <td>{select('xmfzr.xw', degrees)}</td>
          </tr>
          <tr>
            <Label text="出生日期" />
            <td>{text('xmfzr.csrq', { placeholder: 'yyyy-mm-dd' })}</td>
            <Label text="证件类型" />
            <td>{select('xmfzr.zjlx', idKinds)}</td>
          </tr>
          <tr>
            <Label text="证件号码" required />
            <td>{text('xmfzr.zjhm')}</td>
            <Label text="手机" required />
            <td>{text('xmfzr.sj')}</td>
          </tr>
          <tr>
            <Label text="电子邮箱" required />
            <td>{text('xmfzr.dzyx')}</td>
            <Label text="每年投入项目工作时间（月）" />
            <td>{text('xmfzr.trsj', { width: '60px' })}</td>
          </tr>
        </Section>
        <Section title="五、外方合作单位">
          <tr>
            <Label text="名称" />
            <td colSpan={3}>{text('wfdw.mc')}</td>
          </tr>
          <tr>
            <Label text="国家/地区" />
            <td>{select('wfdw.gjdq', countries)}</td>
            <Label text="机构类型" />
            <td>{select('wfdw.jglx', unitKinds)}</td>
          </tr>
          <tr>
            <Label text="外方负责人" />
            <td>{text('wfdw.fzr')}</td>
            <Label text="联系邮箱" />
            <td>{text('wfdw.lxyx')}</td>
          </tr>
          <tr>
            <Label text="所属计划/资格" />
            <td colSpan={3}>{choices('checkbox', 'wfdw.zg', partnerMemberships)}</td>
          </tr>
        </Section>
        <Section title="六、经费预算">
          <tr>
            <Label text="中央财政经费（万元）" required />
            <td>{text('jfys.zyczjf', { width: '120px' })}</td>
            <Label text="其他来源经费（万元）" />
            <td>{text('jfys.qtlyjf', { width: '120px' })}</td>
          </tr>
          <tr>
            <Label text="经费合计（万元）" />
            <td>
              <input type="text" name="jfys.hj" className="inp" style={{ width: '120px' }} readOnly value={total} />
            </td>
            <td colSpan={2} className="hint">
              其他来源经费包括地方财政经费、单位出资及其他社会资金
            </td>
          </tr>
        </Section>
        <Section title="七、附件">
          <tr>
            <Label text="附件类型" />
            <td>{select('fjsc.fjlx', attachmentKinds)}</td>
            <Label text="选择文件" />
            <td>
              <input type="file" name="fjsc.file" onChange={onFile} /> <span className="hint">文件大小不超过20M</span>
            </td>
          </tr>
        </Section>
        <table className="tb-list">
          <tbody>
            <tr>
              {['序号', '附件类型', '文件名称', '操作'].map((h) => (
                <th key={h}>{h}</th>
              ))}
            </tr>
            {Array.from({ length: rows.fjxx }, (_, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the row number is the row's identity (fjxx[i].…)
              <tr key={i}>
                <td className="xh">{i + 1}</td>
                <td>{select(`fjxx[${i}].fjlx`, attachmentKinds)}</td>
                <td>{text(`fjxx[${i}].wjmc`, { readOnly: true })}</td>
                <td>
                  <input type="button" className="btn" value="删除" onClick={() => deleteRow('fjxx', i)} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <div id="msg" className={message?.kind}>
          {message?.text}
        </div>
        <div className="btnbar">
          <input type="button" className="btn btn-main" value="保存" onClick={() => void post('save')} />{' '}
          <input type="button" className="btn btn-main" value="提交" onClick={() => void post('submit')} />
        </div>
      </form>
    </>
  );
}
