import { Container } from '@mantine/core';
import { type ReactNode, useEffect, useRef } from 'react';
import type { Session, SessionSite } from '../api/types.ts';
import { usePath } from '../routing.ts';
import { AppHeader } from './app-header.tsx';
import { SkipLink } from './skip-link.tsx';

/** The frame of every signed-in page. When the page changes, focus moves to its heading. */
export function SignedInLayout({
  session,
  site,
  children,
}: {
  session: Session;
  site: SessionSite | undefined;
  children: ReactNode;
}) {
  const page = `${usePath()} ${site?.id ?? ''}`;
  const lastPage = useRef(page);
  useEffect(() => {
    if (lastPage.current === page) return;
    lastPage.current = page;
    document.querySelector<HTMLElement>('main h1')?.focus();
  }, [page]);
  return (
    <>
      <SkipLink />
      <AppHeader session={session} site={site} />
      <main id="main" tabIndex={-1}>
        <Container size="lg" py="lg">
          {children}
        </Container>
      </main>
    </>
  );
}
