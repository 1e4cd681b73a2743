/** rules/*.json, validated at build time (scripts/support/bundledPacks.ts): a JSON array of RulePack. */
declare module 'virtual:guidecheck/bundled-packs' {
  const json: string;
  export default json;
}
