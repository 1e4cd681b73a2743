import { bundledPacksSource } from '../../scripts/support/bundledPacks';
import type { BundledOutline } from '@/lib/packs/origin';

// What `virtual:guidecheck/bundled-index` is in a build, for unit tests (vitest.config.ts aliases it here).
const source = bundledPacksSource();
if (!source.ok) throw new Error(source.errors.join('\n'));
export default JSON.parse(source.indexCode.replace(/^export default /, '').replace(/;$/, '')) as BundledOutline[];
