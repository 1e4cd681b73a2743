import type { Draft, Revision } from '../drafts/model';
import type { Profile, SaveProfileResult } from '../drafts/profiles';
import type { RenameResult, RestoreResult, SaveDraftResult } from '../drafts/store';
import type { ExportFile, ImportResult } from '../drafts/transfer';
import type { FeedsStatus } from '../feed/extension/status';
import type { ReadShare } from '../share/preview';
import type { ActivePack, PackIndexEntry } from '../packs/origin';
import type { Request, RequestInput, Response } from './protocol';

/**
 * The one contract between GuideCheck's contexts: for every request type (schema in ./protocol.ts) the type
 * of its answer. The background's handlers are held to it by the type-check; callers get it back from `call`.
 * Types only, plus the small client below: content scripts import this file without pulling in zod.
 */
export interface Responses {
  getPacks: PackIndexEntry[];
  getPack: ActivePack;
  saveDraft: SaveDraftResult;
  getDraft: Draft | null;
  listProfiles: Profile[];
  'profiles:allowHere': Profile;
  'share:encode': { code: string; file: string; summary: string };
  'share:decode': ReadShare;
  'report:build': { name: string; text: string; type: string } | null;
  'feeds:list': FeedsStatus;
  'feeds:subscribe': FeedsStatus;
  'feeds:unsubscribe': FeedsStatus;
  'feeds:checkNow': FeedsStatus;
  'drafts:list': Draft[];
  'drafts:rename': RenameResult;
  /** false: no such draft */
  'drafts:delete': boolean;
  'drafts:undoDelete': boolean;
  /** The keys removed for good */
  'drafts:purgeDeleted': string[];
  'drafts:revisions': Revision[];
  'drafts:restore': RestoreResult;
  'drafts:export': ExportFile;
  'drafts:import': ImportResult;
  'profiles:save': SaveProfileResult;
  'profiles:delete': boolean;
}

export type RequestType = Request['type'];
/** What a caller writes for a request of type T: the request without its `type`, defaults optional. */
export type Payload<T extends RequestType> = Omit<Extract<RequestInput, { type: T }>, 'type'>;
export type Call = <T extends RequestType>(type: T, payload: Payload<T>) => Promise<Responses[T]>;
/** The same, for a request already built as one object (e.g. a form's submission). */
export type Ask = <R extends RequestInput>(request: R) => Promise<Responses[R['type']]>;

/** How a request reaches the background: runtime.sendMessage, or a test's stand-in. */
export type Transport = (request: RequestInput) => Promise<unknown>;

/** Thrown when the background refused or failed a request; `message` is its reason. */
export class CallError extends Error {
  constructor(
    readonly type: RequestType,
    /** The background's reason, as the panel shows it */
    readonly reason: string,
  ) {
    super(`${type}: ${reason}`);
  }
}

/**
 * A typed client over runtime.sendMessage (any context): each request answers its Responses type, or throws
 * CallError. The background answers every message with a Response envelope, after checking it against the schema.
 */
export function createClient(sendMessage: Transport): { call: Call; ask: Ask } {
  const ask: Ask = async (request) => {
    // The one place an answer is typed: the router checked the request, the handler is held to Responses.
    const response = (await sendMessage(request)) as Response<Responses[(typeof request)['type']]> | undefined;
    if (!response) throw new CallError(request.type, 'no answer from the background');
    if (!response.ok) throw new CallError(request.type, response.error);
    return response.value;
  };
  return { ask, call: (type, payload) => ask({ ...payload, type } as Extract<RequestInput, { type: typeof type }>) };
}
