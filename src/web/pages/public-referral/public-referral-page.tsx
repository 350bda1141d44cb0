import { Alert, Button, Radio, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/api-context.tsx';
import { ApiError } from '../../api/client.ts';
import { PageTitle } from '../../components/page-title.tsx';
import { PATHS } from '../../routing.ts';
import {
  type ContactFields,
  type ContactRequestBody,
  checkContact,
  EMPTY_CONTACT,
  type FieldErrors,
  fieldOfServerError,
  REQUESTERS,
  type Requester,
  sendContactRequest,
  toRequestBody,
} from './contact-request.ts';
import { publishedPhoneLine } from './phone-lines.ts';

/** The site address in /refer/<slug>, or undefined when the path has none. */
export function siteSlugOf(path: string): string | undefined {
  const slug = path.slice(PATHS.publicReferral.length + 1);
  return /^[a-z0-9][a-z0-9-]{1,62}$/.test(slug) ? slug : undefined;
}

/**
 * The public page (no sign-in) where someone asks the program to get in touch, for themself or
 * for someone they care about. Plain words, one column, large targets; the answer after sending is
 * always the same, so the page never tells whether anyone is known to the program.
 */
export function PublicReferralPage({ path }: { path: string }) {
  const { t } = useTranslation('program');
  const siteSlug = siteSlugOf(path);
  if (!siteSlug) {
    return (
      <>
        <PageTitle>{t('public.title')}</PageTitle>
        <Alert color="yellow" variant="light" role="alert">
          {t('public.noSite')}
        </Alert>
      </>
    );
  }
  return <ContactForm siteSlug={siteSlug} />;
}

function ContactForm({ siteSlug }: { siteSlug: string }) {
  const { t } = useTranslation('program');
  const api = useApi();
  const [openedAt] = useState(() => Date.now());
  const [fields, setFields] = useState<ContactFields>(EMPTY_CONTACT);
  const [errors, setErrors] = useState<FieldErrors>({});
  const form = useRef<HTMLFormElement>(null);
  const send = useMutation({
    mutationFn: (body: ContactRequestBody) => sendContactRequest(api, siteSlug, body),
    onError: (error) => {
      const field = fieldOfServerError(error);
      if (field) setErrors({ [field]: 'public.errors.checkField' });
    },
  });
  const phoneLine = publishedPhoneLine(siteSlug);
  const forSelf = fields.requester === 'self';

  const set = (name: keyof ContactFields) => (event: { currentTarget: { value: string } }) => {
    setFields({ ...fields, [name]: event.currentTarget.value });
    if (name in errors) setErrors({ ...errors, [name]: undefined });
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = checkContact(fields);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      // Move to the first field that needs attention, so a screen reader hears its message.
      requestAnimationFrame(() => form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    send.mutate(toRequestBody(fields, openedAt));
  };

  if (send.isSuccess) {
    return (
      <>
        <PageTitle>{t('public.thanksTitle')}</PageTitle>
        <Alert color="green" variant="light" role="status">
          <Text>{t('public.thanksBody')}</Text>
        </Alert>
        <Text mt="md">{t('public.thanksNotShared')}</Text>
        {phoneLine && <Text mt="md">{t('public.phoneLine', { phone: phoneLine })}</Text>}
        <Button
          variant="default"
          mt="lg"
          onClick={() => {
            setFields(EMPTY_CONTACT);
            send.reset();
          }}
        >
          {t('public.sendAnother')}
        </Button>
      </>
    );
  }

  const error = (name: keyof FieldErrors) => (errors[name] ? t(errors[name]) : undefined);
  return (
    <>
      <PageTitle>{t('public.title')}</PageTitle>
      <Text size="lg" mb="sm">
        {t('public.intro')}
      </Text>
      <Alert color="blue" variant="light" mb="md" title={t('public.privacyTitle')}>
        {t('public.privacy')}
      </Alert>
      {phoneLine && (
        <Text mb="md">
          {t('public.phoneLinePrefix')}{' '}
          <a href={`tel:${phoneLine.replaceAll(/[^0-9+]/g, '')}`}>{phoneLine}</a>
        </Text>
      )}
      <form ref={form} onSubmit={submit} noValidate>
        <Stack gap="lg">
          <Radio.Group
            label={t('public.requesterLabel')}
            value={fields.requester}
            onChange={(value) => setFields({ ...fields, requester: value as Requester })}
            required
          >
            <Stack gap="sm" mt="xs">
              {REQUESTERS.map((requester) => (
                <Radio key={requester} value={requester} label={t(`requester.${requester}`)} size="md" />
              ))}
            </Stack>
          </Radio.Group>
          <TextInput
            label={forSelf ? t('public.nameSelf') : t('public.nameOther')}
            description={t('public.nameHint')}
            required
            autoComplete={forSelf ? 'name' : 'off'}
            maxLength={200}
            value={fields.nameOrAlias}
            onChange={set('nameOrAlias')}
            error={error('nameOrAlias')}
            size="md"
          />
          <Text size="sm" id="reach-hint" mb={-8}>
            {forSelf ? t('public.reachHintSelf') : t('public.reachHintOther')}
          </Text>
          <TextInput
            label={t('public.phone')}
            type="tel"
            inputMode="tel"
            autoComplete={forSelf ? 'tel' : 'off'}
            maxLength={25}
            value={fields.phone}
            onChange={set('phone')}
            error={error('phone')}
            aria-describedby="reach-hint"
            size="md"
          />
          <TextInput
            label={t('public.email')}
            type="email"
            autoComplete={forSelf ? 'email' : 'off'}
            maxLength={320}
            value={fields.email}
            onChange={set('email')}
            error={error('email')}
            aria-describedby="reach-hint"
            size="md"
          />
          <TextInput
            label={t('public.bestTime')}
            description={t('public.bestTimeHint')}
            maxLength={200}
            value={fields.bestTime}
            onChange={set('bestTime')}
            error={error('bestTime')}
            size="md"
          />
          <Textarea
            label={t('public.message')}
            description={forSelf ? t('public.messageHintSelf') : t('public.messageHintOther')}
            autosize
            minRows={3}
            maxLength={2000}
            value={fields.message}
            onChange={set('message')}
            error={error('message')}
            size="md"
          />
          {/* For bots only: hidden from people and from screen readers, never reached by Tab. */}
          <div className="visually-hidden" aria-hidden="true">
            <label htmlFor="contact-website">Website</label>
            <input
              id="contact-website"
              name="website"
              type="text"
              tabIndex={-1}
              autoComplete="off"
              value={fields.website}
              onChange={set('website')}
            />
          </div>
          {send.isError && <SendError error={send.error} />}
          <Button type="submit" size="lg" loading={send.isPending} fullWidth>
            {t('public.send')}
          </Button>
        </Stack>
      </form>
      <Title order={2} size="h4" mt="xl">
        {t('public.whatHappensTitle')}
      </Title>
      <Text>{t('public.whatHappens')}</Text>
    </>
  );
}

function SendError({ error }: { error: unknown }) {
  const { t } = useTranslation('program');
  let message = t('public.errors.unknown');
  if (error instanceof ApiError) {
    if (error.status === 429) message = t('public.errors.tooMany');
    else if (error.status === 404) message = t('public.errors.noSuchProgram');
    else if (error.status === 0) message = t('public.errors.network');
    else if (error.code === 'VALIDATION_FAILED') message = t('public.errors.validation');
  }
  return (
    <Alert color="red" variant="light" role="alert">
      {message}
    </Alert>
  );
}
