/** Port and message names shared by the content script and the extension pages (no zod here: the content script imports it). */
export const AUTOSAVE_PORT = 'guidecheck:autosave';
export const TAB_STATUS_REQUEST = 'guidecheck:tabStatus';
/** The popup asks a portal tab to open (expand) its checklist panel. */
export const TAB_OPEN_PANEL = 'guidecheck:openPanel';
/** The background's broadcast to extension pages after drafts or profiles changed (autosave, another page's write). */
export const DRAFTS_CHANGED = 'guidecheck:draftsChanged';
