import { Badge, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { StaffMember } from '../../api/types.ts';

/** The site's staff, one row each, with their roles here and whether the account is locked. */
export function StaffTable({ staff, siteName }: { staff: StaffMember[]; siteName: string }) {
  const { t } = useTranslation();
  if (staff.length === 0) return <Text>{t('staff.empty')}</Text>;
  const sorted = [...staff].sort((a, b) => a.displayName.localeCompare(b.displayName));
  return (
    <Table.ScrollContainer minWidth={320}>
      <Table striped highlightOnHover verticalSpacing="sm" horizontalSpacing="xs">
        <Table.Caption className="visually-hidden">{t('staff.caption', { site: siteName })}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('staff.person')}</Table.Th>
            <Table.Th scope="col">{t('staff.roles')}</Table.Th>
            <Table.Th scope="col">{t('staff.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sorted.map((member) => (
            <Table.Tr key={member.userId}>
              <Table.Th scope="row">
                <Text fw={600}>{member.displayName}</Text>
                <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                  {member.email}
                </Text>
              </Table.Th>
              <Table.Td>{member.roles.map((role) => t(`roles.${role}`)).join(', ')}</Table.Td>
              <Table.Td>
                {member.locked ? (
                  <Badge color="red" variant="dot" tt="none" c="dark.9">
                    {t('staff.locked')}
                  </Badge>
                ) : (
                  t('staff.active')
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
