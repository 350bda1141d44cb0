import { Card, NativeSelect, Text } from '@mantine/core';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { onCallResponse, patternShift } from '../../../contracts/on-call.ts';
import type { StaffMember } from '../../api/types.ts';

/** What the on-call page's sections share: the roster's types, the levels, the URL, the add forms. */

export type OnCall = z.infer<typeof onCallResponse>;
export type Shift = z.infer<typeof patternShift> & { displayName: string };
export type Level = 1 | 2 | 3;
export const LEVELS: Level[] = [1, 2, 3];
export const WEEKDAYS = [0, 1, 2, 3, 4, 5, 6];

export const base = (siteId: string) => `/api/v1/sites/${encodeURIComponent(siteId)}/on-call`;

/** A program manager's add form (a shift, an override): a bordered card titled by what it adds. */
export function AddFormCard({
  title,
  onSubmit,
  children,
}: {
  title: string;
  onSubmit: (event: FormEvent) => void;
  children: ReactNode;
}) {
  return (
    <Card withBorder padding="sm" mt="sm" component="form" onSubmit={onSubmit} aria-label={title}>
      <Text fw={700} mb="xs">
        {title}
      </Text>
      {children}
    </Card>
  );
}

/** The escalation level picker (primary, backup, manager), its value the level as a string. */
export function LevelSelect({ value, onChange }: { value: string; onChange: (level: string) => void }) {
  const { t } = useTranslation('dispatch');
  return (
    <NativeSelect
      label={t('onCall.level')}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      data={LEVELS.map((level) => ({ value: String(level), label: t(`level.${level}`) }))}
    />
  );
}

/** The person picker's options: `empty` first (no one chosen), then the care team by name. */
export const careTeamOptions = (careTeam: StaffMember[], empty: string) => [
  { value: '', label: empty },
  ...careTeam.map((member) => ({ value: member.userId, label: member.displayName })),
];
