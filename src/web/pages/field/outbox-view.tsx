// The outbox made visible: a banner on every signed-in page while something waits (or was refused),
// and the list on the screening page, each item saying whether it is waiting, sending, sent or
// refused (with the server's reason).
import { Alert, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/api-context.tsx';
import { useReplaceSession } from '../../api/session.ts';
import type { Session } from '../../api/types.ts';
import { AppLink } from '../../components/app-link.tsx';
import { type OutboxItem, removeItem, type SentItem, useOutbox } from '../../offline/outbox.ts';
import { flushOutbox, useOutboxSync } from '../../offline/sync.ts';
import { PATHS, usePath } from '../../routing.ts';
import { offerWords, statusWords } from './offer-words.ts';

function useTime() {
  const { i18n } = useTranslation('field');
  return (iso: string) =>
    new Date(iso).toLocaleString(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
}

/** Shown above every signed-in page; also keeps the outbox sending while anyone is signed in. */
export function OutboxStatus({ session }: { session: Session }) {
  const { t } = useTranslation('field');
  const api = useApi();
  const path = usePath();
  useOutboxSync(api, true);
  const { waiting, failed, signInNeeded } = useOutbox(session.user.id);
  if (signInNeeded) return <SignInAgain />;
  if (path === PATHS.screen || (waiting.length === 0 && failed.length === 0)) return null;
  return (
    <Alert variant="light" color={failed.length > 0 ? 'red' : 'blue'} mb="md" py="xs" role="status">
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <Text size="sm" fw={600} data-testid="outbox-banner">
          {waiting.length > 0 && t('outbox.banner', { count: waiting.length })}
          {waiting.length > 0 && failed.length > 0 && ' · '}
          {failed.length > 0 && t('outbox.failedBanner', { count: failed.length })}
        </Text>
        <AppLink to={PATHS.screen} size="sm" fw={700}>
          {t('outbox.view')}
        </AppLink>
      </Group>
    </Alert>
  );
}

function SignInAgain() {
  const { t } = useTranslation('field');
  const replaceSession = useReplaceSession();
  return (
    <Alert variant="light" color="orange" mb="md" role="alert">
      <Stack gap="xs">
        <Text size="sm">{t('outbox.signInNeeded')}</Text>
        <Button size="md" style={{ alignSelf: 'flex-start' }} onClick={() => replaceSession(null)}>
          {t('outbox.signIn')}
        </Button>
      </Stack>
    </Alert>
  );
}

function QueuedCard({ item, sending }: { item: OutboxItem; sending: boolean }) {
  const { t } = useTranslation('field');
  const api = useApi();
  const time = useTime();
  const state = sending ? 'sending' : item.state;
  const color = { sending: 'blue', waiting: 'yellow', failed: 'red' }[state];
  return (
    <Card withBorder padding="sm" data-testid="outbox-item" data-state={state}>
      <Group justify="space-between" wrap="nowrap" gap="xs" align="flex-start">
        <div style={{ minWidth: 0 }}>
          <Text fw={700} truncate="end">
            {item.body.person.nameOrAlias}
          </Text>
          <Text size="sm">{offerWords(t, item.body.offer)}</Text>
          <Text size="xs" c="dimmed">
            {t('outbox.savedAt', { time: time(item.createdAt) })}
          </Text>
        </div>
        <Badge color={color} variant="light" tt="none" style={{ flexShrink: 0 }}>
          {t(`outbox.${state}`)}
        </Badge>
      </Group>
      {item.state === 'failed' && item.lastError && (
        <Text size="sm" c="red.9" mt="xs">
          {t([`errors.${item.lastError.code}`, `translation:errors.${item.lastError.code}`], {
            defaultValue: item.lastError.message,
          })}
        </Text>
      )}
      {item.state === 'waiting' && !sending && (
        <Group mt="xs" gap="xs" justify="space-between">
          <Text size="xs" c="dimmed">
            {t('outbox.nextTry')}
          </Text>
          <Button size="sm" variant="default" onClick={() => void flushOutbox(api, { force: true })}>
            {t('outbox.sendNow')}
          </Button>
        </Group>
      )}
      {item.state === 'failed' && (
        <Button
          mt="xs"
          size="sm"
          variant="default"
          color="red"
          onClick={() => {
            if (window.confirm(t('outbox.removeConfirm'))) removeItem(item.key);
          }}
        >
          {t('outbox.remove')}
        </Button>
      )}
    </Card>
  );
}

function SentCard({ item }: { item: SentItem }) {
  const { t } = useTranslation('field');
  return (
    <Card withBorder padding="sm" data-testid="outbox-item" data-state="sent">
      <Group justify="space-between" wrap="nowrap" gap="xs" align="flex-start">
        <div style={{ minWidth: 0 }}>
          <Text fw={700} truncate="end">
            {item.nameOrAlias}
          </Text>
          <Text size="sm">{statusWords(t, item.referral.status, item.screening.status)}</Text>
        </div>
        <Badge color="green" variant="light" tt="none" style={{ flexShrink: 0 }}>
          {t('outbox.sent')}
        </Badge>
      </Group>
    </Card>
  );
}

/** The list on the screening page: what waits on this phone, and what was sent since it opened. */
export function OutboxList({ userId, siteId }: { userId: string; siteId: string }) {
  const { t } = useTranslation('field');
  const { items, waiting, sent, sending } = useOutbox(userId, siteId);
  if (items.length === 0 && sent.length === 0) return null;
  return (
    <>
      {items.length > 0 && (
        <section aria-labelledby="outbox-heading">
          <Title order={2} size="h4" id="outbox-heading" mt="xl" mb="xs">
            {t('outbox.title', { count: waiting.length })}
          </Title>
          <Stack gap="xs">
            {items.map((item) => (
              <QueuedCard key={item.key} item={item} sending={sending.includes(item.key)} />
            ))}
          </Stack>
        </section>
      )}
      {sent.length > 0 && (
        <section aria-labelledby="sent-heading">
          <Title order={2} size="h4" id="sent-heading" mt="xl" mb="xs">
            {t('outbox.listTitle')}
          </Title>
          <Stack gap="xs">
            {sent.map((item) => (
              <SentCard key={item.key} item={item} />
            ))}
          </Stack>
        </section>
      )}
    </>
  );
}
