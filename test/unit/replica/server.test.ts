import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { guidelines } from '@/replica/data/directions';
import { LARGE_FORM_ROWS, type ReplicaServer, replicaPages, startReplica } from '@/replica/server';

const root = join(import.meta.dirname, '..', '..', '..');
// The seed guidelines as copied into the repository (test/fixtures/seeds), so the test needs nothing beside it.
const seeds = ['2019-intl-1.txt', '2020-hmt.txt'].map((f) =>
  readFileSync(join(root, 'test', 'fixtures', 'seeds', f), 'utf8').replace(/\s+/g, ''),
);
const profile = JSON.parse(readFileSync(join(root, 'rules', 'portal', 'most-gov-cn.json'), 'utf8')) as {
  signature: { labels: string[]; minMatches: number };
};

let replica: ReplicaServer;
beforeAll(async () => {
  replica = await startReplica({ port: 0 });
}, 60_000); // a cold Vite build on a busy machine; cached starts take milliseconds
afterAll(() => replica?.close());

async function get(path: string): Promise<{ status: number; type: string; text: string }> {
  const res = await fetch(replica.url + path);
  return { status: res.status, type: res.headers.get('content-type') ?? '', text: await res.text() };
}

async function post(path: string, body: string): Promise<{ status: number; json: { message: string } }> {
  const res = await fetch(replica.url + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });
  return { status: res.status, json: (await res.json()) as { message: string } };
}

/** A page script and the chunks it imports, all served as JavaScript, as one text */
async function bundleText(entry: string): Promise<string> {
  const main = await get(`/egrantweb/js/${entry}`);
  expect(main.status, entry).toBe(200);
  expect(main.type, entry).toContain('javascript');
  const chunks = await Promise.all(
    [...main.text.matchAll(/from"\.\/(chunks\/[^"]+\.js)"/g)].map((m) => get(`/egrantweb/js/${m[1]}`)),
  );
  expect(
    chunks.map((c) => c.status).filter((status) => status !== 200),
    entry,
  ).toEqual([]);
  return [main, ...chunks].map((c) => c.text).join('\n');
}

/** The text a user sees: tags dropped, entities of our escaper decoded */
function visibleText(html: string): string {
  return html
    .replace(/<(script|template)[\s\S]*?<\/\1>/g, '')
    .replace(/<[^>]+>/g, '')
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n)));
}

const signatureHits = (html: string) => profile.signature.labels.filter((l) => visibleText(html).includes(l)).length;

describe('replica pages', () => {
  it('serves every page it lists, as HTML, on a free port on 127.0.0.1', async () => {
    expect(replica.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(replica.port).toBeGreaterThan(0);
    for (const page of [{ path: '/' }, ...replicaPages, { path: '/egrantweb/xmsb/frame/jfys.html' }]) {
      const res = await get(page.path);
      expect(res.status, page.path).toBe(200);
      expect(res.type, page.path).toContain('text/html');
    }
  });

  it.each([
    [
      '/egrantweb/xmsb/apply.html?sbbh=SQ2019YFE0100123',
      [
        '申报编号',
        '项目名称',
        '英文名称',
        '所属专项',
        '指南方向',
        '执行期限',
        '单位名称',
        '统一社会信用代码',
        '单位性质',
        '上级主管部门',
        '隶属关系/上级主管部门',
        '国拨经费（万元）',
        '自筹经费（万元）',
        '姓名',
        '性别',
        '职称',
        '学位',
        '出生日期',
        '证件号码',
        '手机',
        '电子邮箱',
        '每年投入项目工作时间（月）',
        '外方合作单位',
        '国家/地区',
        '机构类型',
        '所属计划/资格',
        '挪威FME中心成员',
        '地平线2020正式参与方',
        '附件类型',
        '文件名称',
        '保存',
        '提交',
        'SQ2019YFE0100123',
        '版权所有 中华人民共和国科学技术部',
        '国家科技管理信息系统公共服务平台',
      ],
    ],
    ['/egrantweb/xmsb/frame/jfys.html', ['中央财政经费（万元）', '其他来源经费（万元）', '经费合计（万元）']],
    [
      '/egrantweb/xmsb/apply-v2.html?sbbh=SQ2020YFE0200125',
      [
        '申请编号',
        '课题名称',
        '研究起止时间',
        '承担单位名称',
        '负责人姓名',
        '合作机构名称',
        '申请专项资金（万元）',
        '材料类型',
        'SQ2020YFE0200125',
      ],
    ],
    ['/egrantweb/notice/list.html', ['通知公告', '2019年度第一批项目申报指南的通知']],
    ['/', ['仿真页面目录', 'apply-react.html', 'apply-large.html', 'apply-v2.html', 'list.html']],
  ])('%s shows its labels', async (path, labels) => {
    const { text } = await get(path);
    const shown = visibleText(text) + text; // links are attributes, labels are text
    for (const label of labels) expect(shown, label).toContain(label);
  });

  it('lists the directions of both seed guidelines (17 + 2), grouped by guideline, titled as the seeds print them', async () => {
    const { text } = await get('/egrantweb/xmsb/apply.html');
    const groups = [...text.matchAll(/<optgroup label="([^"]+)">([\s\S]*?)<\/optgroup>/g)];
    expect(groups.map((g) => g[1])).toEqual([
      '政府间国际科技创新合作/港澳台科技创新合作重点专项 2019年度第一批',
      '战略性科技创新合作重点专项 2020年度港澳台项目',
    ]);
    const options = groups.map((g) =>
      [...g[2]!.matchAll(/<option value="([^"]+)">([^<]+)<\/option>/g)].map((m) => [m[1], visibleText(m[2]!)]),
    );
    expect(options.map((o) => o.length)).toEqual([17, 2]);
    expect(options[0]).toContainEqual(['ZN2019-0104', '1.4 中国和瑞典政府间科技合作项目']);
    expect(options[1]).toContainEqual(['ZN2020-0102', '1.2 大陆与台湾联合资助研发项目']);
    // every option is a heading of its seed (whitespace and line breaks of the PDF text ignored)
    guidelines.forEach((g, i) => {
      for (const d of g.directions)
        expect(seeds[i], `${d.code} ${d.title}`).toContain(`${d.code}${d.title}`.replace(/\s+/g, ''));
    });
  });

  it("names fields the portal's way (pinyin paths, generated ids), never with our own English names", async () => {
    for (const path of [
      '/egrantweb/xmsb/apply.html',
      '/egrantweb/xmsb/apply-v2.html',
      '/egrantweb/xmsb/frame/jfys.html',
    ]) {
      const { text } = await get(path);
      const names = [...text.matchAll(/<(?:input|select|textarea)[^>]* name="([^"]+)"/g)]
        .map((m) => m[1]!)
        .filter((n) => n !== '__VIEWSTATE');
      expect(names.length, path).toBeGreaterThanOrEqual(3);
      for (const name of names) expect(name, path).toMatch(/^[a-z]+(\[(\d+|__i__)\])?\.[a-z]+$/);
    }
    const { text } = await get('/egrantweb/xmsb/apply.html');
    const labelled =
      /<td class="label">项目名称<span class="req">\*<\/span><\/td><td[^>]*><input type="text" name="xmxx\.xmmc" id="ctl00_cph_txtXmmc_[0-9a-f]{4}"/;
    expect(labelled.test(text), 'label cell + generated id').toBe(true);
    expect(
      text.includes(
        '<iframe class="frame-budget" id="ctl00_cph_ifrJfys" name="ifrJfys" src="/egrantweb/xmsb/frame/jfys.html">',
      ),
      'budget iframe',
    ).toBe(true);
  });

  it('is recognised by the portal signature on form pages only', async () => {
    const { minMatches } = profile.signature;
    for (const path of [
      '/egrantweb/xmsb/apply.html',
      '/egrantweb/xmsb/apply-large.html',
      '/egrantweb/xmsb/apply-v2.html',
    ]) {
      expect(signatureHits((await get(path)).text), path).toBeGreaterThanOrEqual(minMatches);
    }
    for (const path of ['/', '/egrantweb/notice/list.html']) {
      expect(signatureHits((await get(path)).text), path).toBeLessThan(minMatches);
    }
  });

  it('words the v2 variant differently from the standard form', async () => {
    const shown = visibleText((await get('/egrantweb/xmsb/apply-v2.html')).text);
    for (const label of ['项目名称', '执行期限', '申报单位', '指南方向', '项目负责人', '<td class="label">'])
      expect(shown).not.toContain(label);
    expect((await get('/egrantweb/xmsb/apply-v2.html')).text).toContain('<div class="grid">');
  });

  it('pre-fills the large form with at least 300 fields', async () => {
    const { text } = await get('/egrantweb/xmsb/apply-large.html');
    const body = text.replace(/<template[\s\S]*?<\/template>/g, '');
    const fields = (body.match(/<input(?![^>]*type="(hidden|button|file)")[^>]*>|<select /g) ?? []).length;
    expect(fields).toBeGreaterThanOrEqual(300);
    expect(body).toContain(`name="cydw[${LARGE_FORM_ROWS - 1}].zcjf"`);
    expect(body).not.toContain(`name="cydw[${LARGE_FORM_ROWS}].dwmc"`);
  });

  it('serves the built page scripts, the React one with the re-render button and the directions', async () => {
    const page = await get('/egrantweb/xmsb/apply-react.html?sbbh=SQ1');
    expect(page.text).toContain('<script type="module" src="/egrantweb/js/apply-react.js">');
    expect(page.text).toContain('data-sbbh="SQ1"');
    // checked with includes() so that a failure does not print a whole bundle
    const react = await bundleText('apply-react.js');
    for (const s of ['重新渲染', 'createRoot', '中国和瑞典政府间科技合作项目', '/egrantweb/api/'])
      expect(react.includes(s), s).toBe(true);
    const plain = await bundleText('apply.js');
    for (const s of ['会话已超时', 'delete-row', '/egrantweb/api/load']) expect(plain.includes(s), s).toBe(true);
    expect((await get('/egrantweb/js/missing.js')).status).toBe(404);
  });

  it('answers unknown pages with 404', async () => {
    expect((await get('/egrantweb/xmsb/nothing.html')).status).toBe(404);
  });
});

describe('replica api', () => {
  const values = {
    'xmxx.xmmc': '中瑞清洁能源联合研究',
    'xmxx.znfx': 'ZN2019-0104',
    'cydw[0].dwmc': '某某大学',
    'cydw[1].dwmc': '某某科技有限公司',
    'wfdw.zg': ['FME', 'H2020'],
    'jfys.zyczjf': '300',
  };

  it('keeps saved values per application id and returns them on load', async () => {
    const saved = await post('/egrantweb/api/save?sbbh=SQTEST01', JSON.stringify(values));
    expect(saved).toEqual({ status: 200, json: { message: '保存成功' } });
    expect(JSON.parse((await get('/egrantweb/api/load?sbbh=SQTEST01')).text)).toEqual({
      sbbh: 'SQTEST01',
      values,
      submitted: false,
    });
    expect(JSON.parse((await get('/egrantweb/api/load?sbbh=SQTEST02')).text).values).toEqual({});
    await post('/egrantweb/api/save?sbbh=SQTEST01', JSON.stringify({ 'xmxx.xmmc': '改名' }));
    expect(JSON.parse((await get('/egrantweb/api/load?sbbh=SQTEST01')).text).values).toEqual({ 'xmxx.xmmc': '改名' });
  });

  it('marks a submitted application', async () => {
    const res = await post('/egrantweb/api/submit?sbbh=SQTEST03', JSON.stringify(values));
    expect(res.status).toBe(200);
    expect(res.json.message).toContain('提交成功');
    expect(JSON.parse((await get('/egrantweb/api/load?sbbh=SQTEST03')).text).submitted).toBe(true);
  });

  it.each([
    [
      'a value of the wrong type, with its path',
      '/egrantweb/api/save?sbbh=SQTEST04',
      JSON.stringify({ 'xmxx.xmmc': 5 }),
      /表单数据格式不正确：xmxx\.xmmc \/ Form values are not valid at xmxx\.xmmc/,
    ],
    [
      'a body that is not JSON',
      '/egrantweb/api/save?sbbh=SQTEST04',
      '{"xmxx.xmmc":',
      /不是有效的 JSON \/ Request body is not valid JSON/,
    ],
    [
      'an application id with odd characters',
      '/egrantweb/api/save?sbbh=..%2Fx',
      '{}',
      /申报编号格式不正确.*\/ Invalid application id/,
    ],
  ])('refuses %s (400, Chinese then English) and keeps what was saved', async (_, path, body, message) => {
    await post('/egrantweb/api/save?sbbh=SQTEST04', JSON.stringify({ 'xmxx.xmmc': '已保存' }));
    const res = await post(path, body);
    expect(res.status).toBe(400);
    expect(res.json.message).toMatch(message);
    expect(JSON.parse((await get('/egrantweb/api/load?sbbh=SQTEST04')).text).values).toEqual({ 'xmxx.xmmc': '已保存' });
  });

  it('opens a form as after a session timeout: by ?expired=1, or once after POST expire, keeping saved values', async () => {
    await post('/egrantweb/api/save?sbbh=SQTEST05', JSON.stringify(values));
    const flag = async (path: string) => /data-expired="(\d)"/.exec((await get(path)).text)?.[1];
    expect(await flag('/egrantweb/xmsb/apply.html?sbbh=SQTEST05')).toBe('0');
    expect(await flag('/egrantweb/xmsb/apply.html?sbbh=SQTEST05&expired=1')).toBe('1');
    expect((await post('/egrantweb/api/expire?sbbh=SQTEST05', '')).json.message).toBe('会话已超时，请重新登录');
    expect(await flag('/egrantweb/xmsb/apply-react.html?sbbh=SQTEST05')).toBe('1');
    expect(await flag('/egrantweb/xmsb/apply-react.html?sbbh=SQTEST05')).toBe('0');
    // the page is rendered empty: values only ever arrive through /api/load
    expect((await get('/egrantweb/xmsb/apply.html?sbbh=SQTEST05&expired=1')).text).not.toContain(values['xmxx.xmmc']);
    expect(JSON.parse((await get('/egrantweb/api/load?sbbh=SQTEST05')).text).values).toEqual(values);
  });
});
