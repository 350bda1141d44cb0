import { Badge, Code, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../api/types.ts';

const OUTCOME_COLORS = { success: 'green', failure: 'orange', denied: 'red' } as const;

/** Audit entries, newest first; users are named when they are staff here. */
export function AuditTable({
  entries,
  caption,
  timezone,
  staffNames,
}: {
  entries: AuditEntry[];
  caption: string;
  timezone: string;
  staffNames: ReadonlyMap<string, string>;
}) {
  const { t, i18n } = useTranslation();
  const time = new Intl.DateTimeFormat(i18n.language, {
    dateStyle: 'medium',
    timeStyle: 'medium',
    timeZone: timezone,
  });
  const none = t('common.none');
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped verticalSpacing="xs" fz="sm">
        <Table.Caption className="visually-hidden">{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('audit.seq')}</Table.Th>
            <Table.Th scope="col">{t('audit.time')}</Table.Th>
            <Table.Th scope="col">{t('audit.action')}</Table.Th>
            <Table.Th scope="col">{t('audit.user')}</Table.Th>
            <Table.Th scope="col">{t('audit.role')}</Table.Th>
            <Table.Th scope="col">{t('audit.resource')}</Table.Th>
            <Table.Th scope="col">{t('audit.outcome')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((entry) => (
            <Table.Tr key={entry.seq}>
              <Table.Td>{entry.seq}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{time.format(new Date(entry.occurredAt))}</Table.Td>
              <Table.Td>
                <Code>{entry.action}</Code>
              </Table.Td>
              <Table.Td>
                {entry.userId
                  ? (staffNames.get(entry.userId) ?? <Code>{entry.userId.slice(0, 8)}</Code>)
                  : none}
              </Table.Td>
              <Table.Td>
                {entry.role ? t(`roles.${entry.role}`, { defaultValue: entry.role }) : none}
              </Table.Td>
              <Table.Td>
                {entry.resourceType ?? none}
                {entry.resourceId && <Code ml={4}>{entry.resourceId.slice(0, 8)}</Code>}
              </Table.Td>
              <Table.Td>
                <Badge color={OUTCOME_COLORS[entry.outcome]} variant="dot" tt="none" c="dark.9">
                  {t(`audit.outcomes.${entry.outcome}`)}
                </Badge>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
