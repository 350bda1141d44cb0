import '@mantine/core/styles.css';
import './styles.css';
import { MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { ApiProvider } from './api/api-context.tsx';
import { ApiClient } from './api/client.ts';
import { createQueryClient } from './api/query-client.ts';
import { App } from './app.tsx';
import { createI18n } from './i18n/i18n.ts';
import { rememberSessionForOffline } from './offline/session-snapshot.ts';
import { cssVariablesResolver, theme } from './theme.ts';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

// A page's code is loaded when first opened (src/web/app.tsx). After a new release, a page open
// since before it asks for files that are gone: load the new release instead, at most once a minute
// (a file that truly cannot be fetched is then left to fail, rather than reloading again and again).
window.addEventListener('vite:preloadError', (event) => {
  try {
    const last = Number(sessionStorage.getItem('lead.reloadedForUpdate') ?? 0);
    if (Date.now() - last < 60_000) return;
    sessionStorage.setItem('lead.reloadedForUpdate', String(Date.now()));
  } catch {
    return;
  }
  event.preventDefault();
  window.location.reload();
});

const queryClient = createQueryClient();
rememberSessionForOffline(queryClient);

createRoot(root).render(
  <StrictMode>
    <I18nextProvider i18n={createI18n()}>
      <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
        <QueryClientProvider client={queryClient}>
          <ApiProvider client={new ApiClient()}>
            <App />
          </ApiProvider>
        </QueryClientProvider>
      </MantineProvider>
    </I18nextProvider>
  </StrictMode>,
);
