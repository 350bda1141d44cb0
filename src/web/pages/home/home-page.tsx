import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Role, Session, SessionSite } from '../../api/types.ts';
import { PageTitle } from '../../components/page-title.tsx';
import { MyDay } from '../my-day/my-day.tsx';
import { ROLE_ORDER } from './role-homes.ts';
import { RoleSection } from './role-section.tsx';

/** Field care-team roles whose home opens on their day (hand-offs, intakes, appointments, in the wind). */
const DAY_ROLES: Role[] = ['case_manager', 'outreach', 'peer_support'];

/** The home page at a site: a section for each role the user holds there. */
export function HomePage({ session, site }: { session: Session; site: SessionSite }) {
  const { t } = useTranslation();
  const roles = ROLE_ORDER.filter((role) => site.roles.includes(role));
  return (
    <>
      <PageTitle>{site.name}</PageTitle>
      <Text size="lg">{t('home.welcome', { name: session.user.displayName })}</Text>
      <Text c="dimmed">{t('home.intro', { roles: roles.map((role) => t(`roles.${role}`)).join(', ') })}</Text>
      {roles.some((role) => DAY_ROLES.includes(role)) && <MyDay session={session} site={site} />}
      {roles.map((role) => (
        <RoleSection key={role} role={role} site={site} />
      ))}
    </>
  );
}
