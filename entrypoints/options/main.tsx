import '@/lib/core/zodJitless';
import { createRoot } from 'react-dom/client';
import { OptionsPage } from '@/components/OptionsPage';
import '@/components/pages.css';
import { openDraftDb } from '@/lib/drafts/db';

createRoot(document.getElementById('root')!).render(
  <OptionsPage db={openDraftDb()} doc={document} storage={navigator.storage} />,
);
