// First: it configures zod before any other module can parse with it.
import './lib/zod-config.ts';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.tsx';
import './styles/base.css';
import './styles/controls.css';
import './styles/layout.css';
import './styles/components.css';
import './styles/home.css';
import './styles/room.css';
import './styles/conversation.css';
import './styles/watch.css';
import './styles/narrow.css';
import './styles/report.css';
import './styles/report-steps.css';
import './styles/history.css';
import './styles/print.css';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
