/** rules/*.json, validated at build time (scripts/support/bundledPacks.ts): a JSON array of RulePack. */
declare module 'virtual:guidecheck/bundled-packs' {
  const json: string;
  export default json;
}

/** The bundled packs' outlines (lib/packs/origin.ts bundledOutline), written by the same build. */
declare module 'virtual:guidecheck/bundled-index' {
  const index: import('./origin').BundledOutline[];
  export default index;
}
