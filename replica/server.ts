import { readFile } from 'node:fs/promises';
import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, normalize, sep } from 'node:path';
import { clientBundleDir } from './build';
import { TIMEOUT_NOTICE } from './client/api';
import { FormValues } from './formValues';
import { applyPage } from './pages/apply';
import { applyReactPage } from './pages/applyReact';
import { applyV2Page } from './pages/applyV2';
import { budgetFramePage } from './pages/budgetFrame';
import { type ReplicaPageLink, indexPage } from './pages/index';
import { noticeListPage } from './pages/notices';
import { ReplicaStore } from './store';
import { sectionVariantPage, shellVariantPage, spaVariantPage, widgetsVariantPage } from './pages/variants';
import { generatedVariantPage, tabsVariantPage, wordingVariantPage } from './pages/variants2';

/**
 * The replica of the national S&T portal's application system: a local node:http server that is both
 * the end-to-end fixture and the demo. State lives in memory, per server.
 */

export const DEFAULT_SBBH = 'SQ2019YFE0100123';
/** 参与单位 rows of the large form: 60 rows × 5 controls, ≥300 fields with the rest of the form */
export const LARGE_FORM_ROWS = 60;
/** ?rows=N on the large form (the bench's 1,000- and 2,000-control forms), at most this many */
export const MAX_LARGE_FORM_ROWS = 500;
const MAX_BODY_BYTES = 2 * 1024 * 1024;

function largeFormRows(url: URL): number {
  const rows = Number(url.searchParams.get('rows') ?? LARGE_FORM_ROWS);
  if (!Number.isInteger(rows) || rows < 1 || rows > MAX_LARGE_FORM_ROWS)
    throw new HttpError(
      400,
      `rows 应为 1–${MAX_LARGE_FORM_ROWS} 的整数 / rows must be an integer 1–${MAX_LARGE_FORM_ROWS}`,
    );
  return rows;
}
const SBBH = /^[A-Za-z0-9_-]{1,40}$/;

export const replicaPages: ReplicaPageLink[] = [
  {
    path: `/egrantweb/xmsb/apply.html?sbbh=${DEFAULT_SBBH}`,
    title: '项目申报书（标准表单）',
    note: '表格布局，预算部分在 iframe 中',
  },
  {
    path: `/egrantweb/xmsb/apply-react.html?sbbh=SQ2019YFE0100124`,
    title: '项目申报书（React 受控表单）',
    note: '值保存在 React 状态中，可“重新渲染”',
  },
  {
    path: `/egrantweb/xmsb/apply-v2.html?sbbh=SQ2020YFE0200125`,
    title: '课题申报书（另一版式）',
    note: '标签措辞与布局不同：映射模式用',
  },
  {
    path: `/egrantweb/xmsb/apply-large.html?sbbh=SQ2019YFE0100999`,
    title: '项目申报书（大表单）',
    note: `单位列表预填 ${LARGE_FORM_ROWS} 行，超过 300 个字段：性能测试用`,
  },
  {
    path: `/egrantweb/xmsb/apply.html?sbbh=${DEFAULT_SBBH}&expired=1`,
    title: '会话超时后的申报书',
    note: '表单为空，并提示会话已超时',
  },
  {
    path: '/egrantweb/variant/spa.html?sbbh=SQ2021YFE0300201',
    title: '项目申报（新版单页应用）',
    note: '首次请求后才渲染、标签在输入框上方、控件无 name/id、可整页重新渲染',
  },
  {
    path: '/egrantweb/variant/widgets.html?sbbh=SQ2021YFE0300202',
    title: '项目申报书（控件版）',
    note: '下拉组合框、日期控件、弹出层添加参与单位、标签在上一行的经费表',
  },
  {
    path: '/egrantweb/variant/shell.html?sbbh=SQ2021YFE0300203',
    title: '申报书填写（框架版，每节一页）',
    note: '左侧菜单在框架中打开各节，每节单独保存',
  },
  {
    path: '/egrantweb/variant/wording.html?sbbh=SQ2021YFE0300204',
    title: '科技项目申请书（另一种措辞）',
    note: '标签措辞不同、标签在输入框上方、元与万元字段并存',
  },
  {
    path: '/egrantweb/variant/generated.html?sbbh=SQ2021YFE0300205',
    title: '项目申报书（动态编号）',
    note: '控件的 name/id 每次加载和每次重新渲染都重新生成',
  },
  {
    path: '/egrantweb/variant/tabs.html?sbbh=SQ2021YFE0300206',
    title: '项目申报书（分页签）',
    note: '页签在同一区域内切换各节，内容按页面模型重新渲染',
  },
  { path: '/egrantweb/notice/list.html', title: '通知公告', note: '同一站点的非申报页面' },
];

export interface ReplicaServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  res.end(body);
}

const sendJson = (res: ServerResponse, status: number, body: unknown) =>
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(body));
const sendHtml = (res: ServerResponse, html: string) => send(res, 200, 'text/html; charset=utf-8', html);

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, '提交的数据过大 / Request body too large (max 2 MB)');
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new HttpError(400, '提交的数据不是有效的 JSON / Request body is not valid JSON');
  }
}

function parseValues(body: unknown): FormValues {
  const parsed = FormValues.safeParse(body);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const path = issue.path.map(String).join('.') || '(根)';
  throw new HttpError(400, `表单数据格式不正确：${path} / Form values are not valid at ${path}: ${issue.message}`);
}

function sbbhOf(url: URL): string {
  const sbbh = url.searchParams.get('sbbh') ?? DEFAULT_SBBH;
  if (!SBBH.test(sbbh)) throw new HttpError(400, `申报编号格式不正确：${sbbh} / Invalid application id (sbbh)`);
  return sbbh;
}

/** /egrantweb/js/<file>: the built page scripts, never a path outside the bundle folder. */
async function sendScript(res: ServerResponse, file: string): Promise<void> {
  const dir = await clientBundleDir();
  const path = normalize(join(dir, file));
  if (!path.startsWith(dir + sep) || !file.endsWith('.js')) throw new HttpError(404, '页面不存在 / Not found');
  const body = await readFile(path).catch(() => {
    throw new HttpError(404, '页面不存在 / Not found');
  });
  send(res, 200, 'text/javascript; charset=utf-8', body);
}

async function route(store: ReplicaStore, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://replica');
  const path = url.pathname;
  const method = req.method ?? 'GET';
  // a form opens empty after a timeout: ?expired=1, or once after POST /egrantweb/api/expire
  const form = () => {
    const sbbh = sbbhOf(url);
    return { sbbh, expired: url.searchParams.get('expired') === '1' || store.takeExpired(sbbh) };
  };

  if (method === 'GET') {
    if (path === '/' || path === '/index.html') return sendHtml(res, indexPage(replicaPages));
    if (path === '/egrantweb/xmsb/apply.html') return sendHtml(res, applyPage(form()));
    if (path === '/egrantweb/xmsb/apply-large.html')
      return sendHtml(res, applyPage({ ...form(), participants: largeFormRows(url) }));
    if (path === '/egrantweb/xmsb/apply-react.html') return sendHtml(res, applyReactPage(form()));
    if (path === '/egrantweb/xmsb/apply-v2.html') return sendHtml(res, applyV2Page(form()));
    if (path === '/egrantweb/xmsb/frame/jfys.html') return sendHtml(res, budgetFramePage());
    if (path === '/egrantweb/notice/list.html') return sendHtml(res, noticeListPage());
    if (path === '/egrantweb/variant/spa.html') return sendHtml(res, spaVariantPage(form()));
    if (path === '/egrantweb/variant/widgets.html') return sendHtml(res, widgetsVariantPage(form()));
    if (path === '/egrantweb/variant/shell.html') return sendHtml(res, shellVariantPage(form()));
    if (path === '/egrantweb/variant/wording.html') return sendHtml(res, wordingVariantPage(form()));
    if (path === '/egrantweb/variant/generated.html') return sendHtml(res, generatedVariantPage(form()));
    if (path === '/egrantweb/variant/tabs.html') return sendHtml(res, tabsVariantPage(form()));
    if (path === '/egrantweb/variant/section.html')
      return sendHtml(res, sectionVariantPage({ ...form(), section: url.searchParams.get('s') ?? 'basic' }));
    if (path === '/favicon.ico') return send(res, 204, 'image/x-icon', '');
    if (path === '/egrantweb/css/portal.css') {
      return send(
        res,
        200,
        'text/css; charset=utf-8',
        await readFile(join(import.meta.dirname, 'assets', 'portal.css')),
      );
    }
    if (path.startsWith('/egrantweb/js/')) return sendScript(res, path.slice('/egrantweb/js/'.length));
    if (path === '/egrantweb/api/load') {
      const sbbh = sbbhOf(url);
      return sendJson(res, 200, { sbbh, values: store.load(sbbh), submitted: store.isSubmitted(sbbh) });
    }
  }
  if (method === 'POST') {
    if (path === '/egrantweb/api/save') {
      store.save(sbbhOf(url), parseValues(await readJson(req)));
      return sendJson(res, 200, { message: '保存成功' });
    }
    if (path === '/egrantweb/api/submit') {
      store.submit(sbbhOf(url), parseValues(await readJson(req)));
      return sendJson(res, 200, { message: '提交成功，申报书已提交至单位管理员审核' });
    }
    if (path === '/egrantweb/api/expire') {
      store.expire(sbbhOf(url));
      return sendJson(res, 200, { message: TIMEOUT_NOTICE });
    }
  }
  throw new HttpError(404, '页面不存在 / Not found');
}

/** Starts the replica (port 0: any free port) once its page scripts are built; resolves when it listens. */
export async function startReplica(opts: { port?: number; host?: string } = {}): Promise<ReplicaServer> {
  const host = opts.host ?? '127.0.0.1';
  const store = new ReplicaStore();
  await clientBundleDir();
  const server = createServer((req, res) => {
    route(store, req, res).catch((e: unknown) => {
      const status = e instanceof HttpError ? e.status : 500;
      const message = e instanceof HttpError ? e.message : `服务器内部错误 / Internal error: ${(e as Error).message}`;
      if (res.headersSent) res.end();
      else if (req.url?.startsWith('/egrantweb/api/')) sendJson(res, status, { message });
      else send(res, status, 'text/plain; charset=utf-8', message);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, resolve);
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${host}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((e) => (e ? reject(e) : resolve()));
      }),
  };
}
