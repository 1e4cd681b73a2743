import { useLiveQuery } from 'dexie-react-hooks';
import { createRoot } from 'react-dom/client';
import { OptionsPage } from '@/components/OptionsPage';
import '@/components/pages.css';
import { openDraftDb } from '@/lib/drafts/db';
import { listDrafts } from '@/lib/drafts/store';
import { loadBuiltInPacks } from '@/lib/packs/builtIn';

const db = openDraftDb();
const packs = loadBuiltInPacks().map((p) => ({ id: p.id, version: p.version, title: p.title.zh, directions: p.directions.length, expires: p.expires }));

function Options() {
  const drafts = useLiveQuery(async () =>
    (await listDrafts(db)).map((d) => ({ key: d.key, title: d.title, direction: d.direction, updatedAt: d.updatedAt, fieldCount: Object.keys(d.fields).length })),
  );
  return <OptionsPage drafts={drafts} packs={packs} />;
}

createRoot(document.getElementById('root')!).render(<Options />);
