import { createRoot } from 'react-dom/client';
import '@/components/overlay.css';
import { OverlayApp } from '@/components/OverlayApp';
import { createClient } from '@/lib/messages/contract';
import { awaitPanelPort, connectPanel } from '@/lib/overlay/bridge';

// The checklist panel, an extension page in a frame on the portal page: the page can neither read nor click it.
const { call } = createClient((request) => browser.runtime.sendMessage(request));
void awaitPanelPort(window, location.hash.slice(1))
  .then(connectPanel)
  .then((remote) =>
    createRoot(document.getElementById('root')!).render(<OverlayApp remote={remote} call={call} doc={document} />),
  );
