import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { App } from './App.tsx';
import { i18n, initI18n } from './i18n.ts';
import './styles/base.css';
import './styles/layout.css';
import './styles/controls.css';
import './styles/step.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');

// English first; the saved language replaces it as soon as the settings arrive.
await initI18n('en');

createRoot(root).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <App />
    </I18nextProvider>
  </StrictMode>,
);
