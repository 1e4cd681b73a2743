import { bundledPacksSource } from '../../scripts/support/bundledPacks';

// What `virtual:guidecheck/bundled-packs` is in a build, for unit tests (vitest.config.ts aliases it here).
const source = bundledPacksSource();
if (!source.ok) throw new Error(source.errors.join('\n'));
export default JSON.parse(source.code.replace(/^export default /, '').replace(/;$/, '')) as string;
