import { Anchor, type AnchorProps } from '@mantine/core';
import type { ReactNode } from 'react';
import { followLink } from '../routing.ts';

/** A link to a page of this app: a real <a href>, navigated without reloading. */
export function AppLink({ to, children, ...props }: AnchorProps & { to: string; children: ReactNode }) {
  return (
    <Anchor href={to} onClick={followLink(to)} {...props}>
      {children}
    </Anchor>
  );
}
