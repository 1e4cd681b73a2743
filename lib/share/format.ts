/** The share format's name and version: zod-free, so the content script can build shares without loading zod. */
export const SHARE_FORMAT = 'guidecheck-share';
export const SHARE_VERSION = 1;
