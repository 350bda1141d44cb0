import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Capacity } from './directory-types.ts';

const COLOR: Record<Capacity, string> = { accepting: 'green', waitlist: 'yellow', full: 'red' };

/** Whether a service is taking people now, in a colour and in words (never colour alone). */
export function CapacityBadge({ capacity }: { capacity: Capacity }) {
  const { t } = useTranslation('directory');
  return (
    <Badge color={COLOR[capacity]} variant="filled" size="lg" tt="none" data-testid="capacity">
      {t(`capacity.${capacity}`)}
    </Badge>
  );
}
