/**
 * Why a feed, envelope or key list was refused: a stable code for code and tests, and a message
 * for people, Chinese first. Variables in `{braces}` are filled from `vars`.
 */
import type { Bilingual } from '../core/vocabulary';

const messages = {
  'too-large': { zh: '文件超过大小上限（{max} 字节）', en: 'File exceeds the size cap ({max} bytes)' },
  empty: { zh: '响应为空', en: 'Empty response' },
  html: {
    zh: '收到的是网页而不是签名规则包（地址可能有误，或被登录页拦截）',
    en: 'Received an HTML page instead of a signed rule pack (wrong address, or a login page in the way)',
  },
  malformed: { zh: '签名文件格式错误：{detail}', en: 'Malformed signed file: {detail}' },
  signature: {
    zh: '签名验证失败：需要 {k} 个受信任密钥的有效签名，实际 {n} 个',
    en: 'Signature check failed: valid signatures by {k} trusted keys needed, {n} found',
  },
  payload: { zh: '规则包内容不是有效的 UTF-8 JSON', en: 'Pack content is not valid UTF-8 JSON' },
  limits: { zh: '规则包超出结构限制：{detail}', en: 'Pack exceeds the structure limits: {detail}' },
  schema: { zh: '规则包不符合格式：{detail}', en: 'Pack does not match the rule-pack schema: {detail}' },
  'header-mismatch': {
    zh: '签名信封中的 {field} 与规则包内容不一致',
    en: 'The envelope’s {field} differs from the pack content',
  },
  'version-conflict': {
    zh: '版本 {version} 的内容与已接受的同版本不同，已拒绝',
    en: 'Version {version} differs from the already accepted pack of the same version; refused',
  },
  rollback: {
    zh: '版本 {version} 不高于已接受的版本 {highWater}，已拒绝（防止回滚）',
    en: 'Version {version} is not above the accepted version {highWater}; refused (rollback protection)',
  },
  expired: {
    zh: '规则已过期（有效期至 {expires}），继续使用上一个有效版本',
    en: 'Rules expired (valid until {expires}); the last valid version stays in use',
  },
  'key-list': { zh: '密钥列表被拒绝：{detail}', en: 'Key list refused: {detail}' },
  fetch: { zh: '下载失败：{detail}', en: 'Download failed: {detail}' },
  timeout: { zh: '下载超时（{seconds} 秒）', en: 'Download timed out ({seconds} s)' },
  index: { zh: '规则源索引格式错误：{detail}', en: 'Malformed feed index: {detail}' },
  'index-mismatch': {
    zh: '下载的文件与索引中的 SHA-256 不符',
    en: 'The downloaded file does not match the SHA-256 in the index',
  },
  scope: {
    zh: '此规则源无权发布规则包 {packId}（该编号由{owner}提供）',
    en: 'This feed may not publish pack {packId} (that id belongs to {ownerEn})',
  },
  internal: { zh: '处理时出错：{detail}', en: 'Error while processing: {detail}' },
  timestamp: { zh: '规则源时间戳被拒绝：{detail}', en: 'Feed timestamp refused: {detail}' },
  'no-rules': {
    zh: '规则包 {packId} 既无已验证的下载版本，也无内置版本',
    en: 'Pack {packId} has neither a verified download nor a bundled copy',
  },
} satisfies Record<string, Bilingual>;

export type RefusalCode = keyof typeof messages;

export interface Refusal {
  ok: false;
  reason: RefusalCode;
  message: Bilingual;
}

export function refusal(reason: RefusalCode, vars: Record<string, string | number> = {}): Refusal {
  const fill = (s: string) => s.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
  const m = messages[reason];
  return { ok: false, reason, message: { zh: fill(m.zh), en: fill(m.en) } };
}
