import type { UpdateNotice } from './notice';
import type { Bilingual } from '../../core/vocabulary';

/** What the options page's 规则来源 section shows (answer to `feeds:list`, `feeds:checkNow`…). */
export interface PackRow {
  id: string;
  title: string;
  version: number;
  expires: string;
}

export interface PackInUseRow extends PackRow {
  source: 'feed' | 'bundled';
  /** The feed's name, or 扩展内置 for a bundled pack. */
  sourceName: string;
  /** Past its expiry date: shown as 规则已过期 (the last valid version stays in use). */
  expired: boolean;
}

export interface FeedRow {
  url: string;
  name: string;
  source: 'user' | 'policy';
  threshold: number;
  keys: { kid: string; fingerprint: string }[];
  lastCheck?: string;
  lastError?: Bilingual;
  /** Newest verified signed timestamp of the feed's index. */
  freshAt?: string;
  /** No fresh signed timestamp for `staleDays` days: the host may be serving an old copy. */
  stale: boolean;
  staleDays: number;
  packs: { id: string; version: number }[];
}

export interface FeedsStatus {
  bundled: PackRow[];
  inUse: PackInUseRow[];
  feeds: FeedRow[];
  institutionName?: string;
  /** The managed policy could not be read as written (paths included). */
  policyErrors: string[];
  /** Packs with neither a verified download nor a bundled copy. */
  errors: Bilingual[];
  notice?: UpdateNotice;
}
