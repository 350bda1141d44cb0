import { Anchor, Card, Group, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { formatDateTime } from '../review/format.ts';
import { CapacityBadge } from './capacity-badge.tsx';
import { useSetCapacity } from './directory-api.ts';
import { CAPACITIES, type Capacity, type DirectoryService } from './directory-types.ts';

/** One service in the directory: who runs it, needs, hours, languages, phones, places and capacity. */
export function ServiceCard({
  siteId,
  service,
  canSetCapacity,
  children,
}: {
  siteId: string;
  service: DirectoryService;
  canSetCapacity: boolean;
  children?: ReactNode;
}) {
  const { t, i18n } = useTranslation('directory');
  const setCapacity = useSetCapacity(siteId);
  return (
    <Card withBorder padding="md" data-testid="directory-service">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <div>
          <Title order={3} size="h4">
            {service.name}
          </Title>
          <Text size="sm" c="dimmed">
            {t('service.by', { organization: service.organizationName })}
            {service.status !== 'active' && ` · ${t(`status.${service.status}`)}`}
          </Text>
        </div>
        <CapacityBadge capacity={service.capacity} />
      </Group>
      {service.description && <Text mt="xs">{service.description}</Text>}
      <Stack gap={4} mt="xs">
        {service.categories.length > 0 && (
          <Text size="sm">{service.categories.map((category) => t(`category.${category}`)).join(' · ')}</Text>
        )}
        <Detail label={t('service.hours')} value={service.hours.join('; ')} />
        <Detail
          label={t('service.languages')}
          value={service.languages.map((language) => language.name ?? language.code).join(', ')}
        />
        {service.phones.length > 0 && (
          <Text size="sm">
            <b>{t('service.phones')}:</b>{' '}
            {service.phones.map((phone) => (
              <Anchor key={phone.number} href={`tel:${phone.number}`} mr="sm">
                {phone.number}
              </Anchor>
            ))}
          </Text>
        )}
        <Detail
          label={t('service.where')}
          value={service.locations
            .map((place) => [place.name, place.address].filter(Boolean).join(', '))
            .join('; ')}
        />
        {service.url && (
          <Anchor href={service.url} target="_blank" rel="noreferrer" size="sm">
            {t('service.website')}
          </Anchor>
        )}
        <Text size="xs" c="dimmed">
          {service.capacityUpdatedAt
            ? t('service.updated', { when: formatDateTime(service.capacityUpdatedAt, i18n.language) })
            : t('service.neverUpdated')}
        </Text>
      </Stack>
      {canSetCapacity && (
        <Stack gap={4} mt="sm">
          <Text size="sm" fw={600} id={`capacity-${service.id}`}>
            {t('service.setCapacity')}
          </Text>
          <SegmentedControl
            aria-labelledby={`capacity-${service.id}`}
            fullWidth
            size="md"
            value={service.capacity}
            disabled={setCapacity.isPending}
            onChange={(value) => setCapacity.mutate({ serviceId: service.id, capacity: value as Capacity })}
            data={CAPACITIES.map((capacity) => ({ value: capacity, label: t(`capacity.${capacity}`) }))}
          />
          {setCapacity.isError && <ErrorAlert error={setCapacity.error} />}
        </Stack>
      )}
      {children}
    </Card>
  );
}

function Detail({ label, value }: { label: string; value: string }) {
  if (!value) return null;
  return (
    <Text size="sm">
      <b>{label}:</b> {value}
    </Text>
  );
}
