import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Session, SessionSite } from '../../api/types.ts';
import { PageTitle } from '../../components/page-title.tsx';
import { ROLE_ORDER } from './role-homes.ts';
import { RoleSection } from './role-section.tsx';

/** The home page at a site: a section for each role the user holds there. */
export function HomePage({ session, site }: { session: Session; site: SessionSite }) {
  const { t } = useTranslation();
  const roles = ROLE_ORDER.filter((role) => site.roles.includes(role));
  return (
    <>
      <PageTitle>{site.name}</PageTitle>
      <Text size="lg">{t('home.welcome', { name: session.user.displayName })}</Text>
      <Text c="dimmed">{t('home.intro', { roles: roles.map((role) => t(`roles.${role}`)).join(', ') })}</Text>
      {roles.map((role) => (
        <RoleSection key={role} role={role} site={site} />
      ))}
    </>
  );
}
