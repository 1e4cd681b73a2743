import { createRoot } from 'react-dom/client';
import { PopupStatus } from '@/components/PopupStatus';
import '@/components/pages.css';
import { queryTabStatus } from '@/lib/messages/tabStatus';

const root = createRoot(document.getElementById('root')!);
root.render(<PopupStatus status={undefined} />);
void queryTabStatus(browser, new URL(location.href)).then((status) =>
  root.render(<PopupStatus status={status === 'insecure' || status?.recognised ? status : null} />),
);
