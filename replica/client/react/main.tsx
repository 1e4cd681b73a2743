import { createRoot } from 'react-dom/client';
import { pageParams } from '../api';
import { ApplyForm } from './ApplyForm';

// The React variant of the form: the server page holds only <div id="app"> and the application id.
createRoot(document.getElementById('app')!).render(<ApplyForm {...pageParams(document)} />);
