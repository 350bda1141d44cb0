import { Table } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Dimension, FunnelRow } from './report-api.ts';

const COLUMNS = [
  'screened',
  'eligible',
  'ineligible',
  'needsInformation',
  'offered',
  'accepted',
  'declined',
  'notOfferedIneligible',
  'notOfferedOther',
] as const satisfies readonly (keyof FunnelRow)[];

const NUMBER = { textAlign: 'right', fontVariantNumeric: 'tabular-nums' } as const;
const HEADER = { verticalAlign: 'bottom', minWidth: '5.5rem' } as const;
/** The first column stays in view while a phone scrolls the numbers sideways. */
const STICKY = {
  position: 'sticky',
  left: 0,
  background: 'var(--mantine-color-body)',
  zIndex: 1,
  minWidth: '8.5rem',
  maxWidth: '11rem',
  overflowWrap: 'anywhere',
} as const;

/** A group's name: "Black or African American", "Self-referral", "Missing: not collected". */
export function groupLabel(by: Dimension, value: string, t: TFunction<'program'>): string {
  if (value.startsWith('missing:')) {
    const reason = value.slice('missing:'.length);
    return t('report.missing', { reason: t(`missingReasons.${reason}`, { defaultValue: reason }) });
  }
  return t(`${by}.${value}`, { defaultValue: value });
}

const percent = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 100));

/** The funnel per group, with the share offered as a number and a small bar. */
export function FunnelTable({
  rows,
  by,
  caption,
  showTotal,
}: {
  rows: FunnelRow[];
  by: Dimension;
  caption: string;
  showTotal: boolean;
}) {
  const { t } = useTranslation('program');
  const total = Object.fromEntries(
    COLUMNS.map((column) => [column, rows.reduce((sum, row) => sum + row[column], 0)]),
  ) as Record<(typeof COLUMNS)[number], number>;
  return (
    <Table.ScrollContainer minWidth={960}>
      <Table verticalSpacing="xs" horizontalSpacing="xs" captionSide="top" data-testid="funnel-table">
        <Table.Caption className="visually-hidden">{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" style={{ ...STICKY, ...HEADER }}>
              {t(`report.dimensions.${by}`)}
            </Table.Th>
            {COLUMNS.map((column) => (
              <Table.Th scope="col" key={column} style={{ ...NUMBER, ...HEADER }}>
                {t(`report.columns.${column}`)}
              </Table.Th>
            ))}
            <Table.Th scope="col" style={HEADER}>
              {t('report.columns.offeredShare')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.value}>
              <Table.Th scope="row" style={STICKY}>
                {groupLabel(by, row.value, t)}
              </Table.Th>
              {COLUMNS.map((column) => (
                <Table.Td key={column} style={NUMBER}>
                  {row[column]}
                </Table.Td>
              ))}
              <ShareCell part={row.offered} whole={row.screened} />
            </Table.Tr>
          ))}
        </Table.Tbody>
        {showTotal && (
          <Table.Tfoot>
            <Table.Tr fw={700}>
              <Table.Th scope="row" style={STICKY}>
                {t('report.total')}
              </Table.Th>
              {COLUMNS.map((column) => (
                <Table.Td key={column} style={NUMBER}>
                  {total[column]}
                </Table.Td>
              ))}
              <ShareCell part={total.offered} whole={total.screened} />
            </Table.Tr>
          </Table.Tfoot>
        )}
      </Table>
    </Table.ScrollContainer>
  );
}

function ShareCell({ part, whole }: { part: number; whole: number }) {
  const share = percent(part, whole);
  return (
    <Table.Td>
      <div style={{ display: 'flex', alignItems: 'center', gap: '0.4rem' }}>
        <span style={{ ...NUMBER, minWidth: '2.75rem' }}>{share}%</span>
        <div
          aria-hidden="true"
          style={{
            width: '5rem',
            height: '0.6rem',
            background: 'var(--mantine-color-gray-2)',
            borderRadius: 4,
          }}
        >
          <div
            style={{
              width: `${share}%`,
              height: '100%',
              background: 'var(--mantine-color-blue-8)',
              borderRadius: 4,
            }}
          />
        </div>
      </div>
    </Table.Td>
  );
}
