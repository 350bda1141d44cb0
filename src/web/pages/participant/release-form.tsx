import {
  Button,
  Card,
  Checkbox,
  Group,
  NativeSelect,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RECIPIENT_KINDS, RELEASE_CATEGORIES } from '../../../domain/participants/release.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import {
  type CreateReleaseBody,
  type ParticipantDetail,
  useCreateRelease,
  usePartnerOrganizations,
} from './participant-api.ts';
import { SignaturePad } from './signature-pad.tsx';

type RecipientKind = (typeof RECIPIENT_KINDS)[number];
type Recipient = { key: string; kind: RecipientKind; name: string; organizationId: string };

const today = () => new Date().toLocaleDateString('en-CA');

/**
 * The release of information, with every element 42 CFR Part 2 §2.31 asks for, each required:
 * the person's name, who may disclose, what (categories), to whom (one or more recipients), why,
 * the right to revoke and how (the site's words, editable), an expiry date or event, and the
 * signature (typed or drawn) with its date.
 */
export function ReleaseForm({
  siteId,
  participant,
  canReadDirectory,
  onSigned,
}: {
  siteId: string;
  participant: ParticipantDetail;
  /** Whether the user may read the partner directory, to pick a provider from it. */
  canReadDirectory: boolean;
  onSigned: () => void;
}) {
  const { t } = useTranslation('participant');
  const create = useCreateRelease(siteId, participant.id);
  const defaults = participant.releaseDefaults;
  const [personName, setPersonName] = useState(participant.nameOrAlias);
  const [discloser, setDiscloser] = useState(defaults.discloser);
  const [categories, setCategories] = useState<string[]>(['enrolment_status']);
  const [recipients, setRecipients] = useState<Recipient[]>([
    { key: crypto.randomUUID(), kind: 'arresting_agency', name: '', organizationId: '' },
  ]);
  const [purpose, setPurpose] = useState(defaults.purpose);
  const [revocationTerms, setRevocationTerms] = useState(defaults.revocationTerms);
  const [expiry, setExpiry] = useState<'date' | 'event'>('date');
  const [expiresOn, setExpiresOn] = useState('');
  const [expiryEvent, setExpiryEvent] = useState('');
  const [signatureKind, setSignatureKind] = useState<'typed' | 'drawn'>('typed');
  const [typedName, setTypedName] = useState('');
  const [drawn, setDrawn] = useState<string>();
  const [signedOn, setSignedOn] = useState(today);
  const [missing, setMissing] = useState<string[]>([]);
  // One key per signed form: a retry after a lost answer records the release once.
  const [submissionKey] = useState(() => crypto.randomUUID());

  const setRecipient = (index: number, change: Partial<Recipient>) =>
    setRecipients((all) => all.map((each, at) => (at === index ? { ...each, ...change } : each)));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const gaps = [
      !personName.trim() && 'personName',
      !discloser.trim() && 'discloser',
      categories.length === 0 && 'categories',
      (recipients.length === 0 ||
        recipients.some(
          (each) =>
            !each.name.trim() || (each.kind === 'provider_organization' && !each.organizationId.trim()),
        )) &&
        'recipients',
      !purpose.trim() && 'purpose',
      !revocationTerms.trim() && 'revocationTerms',
      (expiry === 'date' ? !expiresOn : !expiryEvent.trim()) && 'expiry',
      (signatureKind === 'typed' ? !typedName.trim() : !drawn) && 'signature',
      !signedOn && 'signedOn',
    ].filter((gap): gap is string => Boolean(gap));
    setMissing(gaps);
    if (gaps.length > 0) return;
    const body: CreateReleaseBody = {
      personName: personName.trim(),
      discloser: discloser.trim(),
      categories: categories as CreateReleaseBody['categories'],
      recipients: recipients.map((each) => ({
        kind: each.kind,
        name: each.name.trim(),
        ...(each.kind === 'provider_organization' ? { organizationId: each.organizationId.trim() } : {}),
      })),
      purpose: purpose.trim(),
      revocationTerms: revocationTerms.trim(),
      ...(expiry === 'date' ? { expiresOn } : { expiryEvent: expiryEvent.trim() }),
      signature:
        signatureKind === 'typed'
          ? { kind: 'typed', typedName: typedName.trim() }
          : { kind: 'drawn', image: drawn ?? '' },
      signedOn,
    };
    create.mutate({ body, key: submissionKey }, { onSuccess: onSigned });
  };
  const error = (element: string) =>
    missing.includes(element) ? t(`release.missing.${element}`) : undefined;

  return (
    <Card withBorder padding="md" component="section" aria-labelledby="release-heading">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Title order={2} size="h3" id="release-heading">
            {t('release.title')}
          </Title>
          <Text size="sm">{t('release.intro')}</Text>
          <TextInput
            label={t('release.personName')}
            required
            size="md"
            value={personName}
            onChange={(event) => setPersonName(event.currentTarget.value)}
            error={error('personName')}
          />
          <TextInput
            label={t('release.discloser')}
            required
            size="md"
            value={discloser}
            onChange={(event) => setDiscloser(event.currentTarget.value)}
            error={error('discloser')}
          />
          <Checkbox.Group
            label={t('release.categories')}
            required
            value={categories}
            onChange={setCategories}
            error={error('categories')}
          >
            <Stack gap="xs" mt="xs">
              {RELEASE_CATEGORIES.map((category) => (
                <Checkbox key={category} value={category} label={t(`category.${category}`)} size="md" />
              ))}
            </Stack>
          </Checkbox.Group>

          <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
            <Text component="legend" fw={600} size="sm">
              {t('release.recipients')}
            </Text>
            <Stack gap="sm" mt="xs">
              {recipients.map((recipient, index) => (
                <Card key={recipient.key} withBorder padding="sm" data-testid="recipient">
                  <Stack gap="xs">
                    <NativeSelect
                      label={t('release.recipientKind')}
                      size="md"
                      value={recipient.kind}
                      data={RECIPIENT_KINDS.map((kind) => ({ value: kind, label: t(`recipient.${kind}`) }))}
                      onChange={(event) =>
                        setRecipient(index, { kind: event.currentTarget.value as RecipientKind })
                      }
                    />
                    <TextInput
                      label={t('release.recipientName')}
                      size="md"
                      value={recipient.name}
                      onChange={(event) => setRecipient(index, { name: event.currentTarget.value })}
                    />
                    {recipient.kind === 'provider_organization' && (
                      <PartnerPicker
                        siteId={siteId}
                        enabled={canReadDirectory}
                        organizationId={recipient.organizationId}
                        onPick={(organizationId, name) =>
                          setRecipient(index, { organizationId, ...(name ? { name } : {}) })
                        }
                      />
                    )}
                    {recipients.length > 1 && (
                      <Button
                        variant="subtle"
                        color="red"
                        size="sm"
                        style={{ alignSelf: 'flex-start' }}
                        onClick={() => setRecipients((all) => all.filter((_, at) => at !== index))}
                      >
                        {t('release.removeRecipient')}
                      </Button>
                    )}
                  </Stack>
                </Card>
              ))}
              {error('recipients') && (
                <Text c="red" size="sm">
                  {error('recipients')}
                </Text>
              )}
              <Button
                variant="light"
                style={{ alignSelf: 'flex-start' }}
                onClick={() =>
                  setRecipients((all) => [
                    ...all,
                    { key: crypto.randomUUID(), kind: 'provider_organization', name: '', organizationId: '' },
                  ])
                }
              >
                {t('release.addRecipient')}
              </Button>
            </Stack>
          </fieldset>

          <Textarea
            label={t('release.purpose')}
            required
            autosize
            minRows={2}
            size="md"
            value={purpose}
            onChange={(event) => setPurpose(event.currentTarget.value)}
            error={error('purpose')}
          />
          <Textarea
            label={t('release.revocationTerms')}
            description={t('release.revocationHint')}
            required
            autosize
            minRows={3}
            size="md"
            value={revocationTerms}
            onChange={(event) => setRevocationTerms(event.currentTarget.value)}
            error={error('revocationTerms')}
          />
          <div>
            <Text fw={600} size="sm" mb={4}>
              {t('release.expiry')}
            </Text>
            <SegmentedControl
              fullWidth
              value={expiry}
              onChange={(value) => setExpiry(value as 'date' | 'event')}
              data={[
                { value: 'date', label: t('release.expiryDate') },
                { value: 'event', label: t('release.expiryEvent') },
              ]}
            />
            {expiry === 'date' ? (
              <TextInput
                type="date"
                label={t('release.expiresOn')}
                size="md"
                mt="xs"
                value={expiresOn}
                onChange={(event) => setExpiresOn(event.currentTarget.value)}
                error={error('expiry')}
              />
            ) : (
              <TextInput
                label={t('release.expiryEventLabel')}
                placeholder={t('release.expiryEventExample')}
                size="md"
                mt="xs"
                value={expiryEvent}
                onChange={(event) => setExpiryEvent(event.currentTarget.value)}
                error={error('expiry')}
              />
            )}
          </div>
          <div>
            <Text fw={600} size="sm" mb={4}>
              {t('release.signature')}
            </Text>
            <SegmentedControl
              fullWidth
              value={signatureKind}
              onChange={(value) => setSignatureKind(value as 'typed' | 'drawn')}
              data={[
                { value: 'typed', label: t('release.typed') },
                { value: 'drawn', label: t('release.drawn') },
              ]}
            />
            {signatureKind === 'typed' ? (
              <TextInput
                label={t('release.typedName')}
                size="md"
                mt="xs"
                value={typedName}
                onChange={(event) => setTypedName(event.currentTarget.value)}
                error={error('signature')}
              />
            ) : (
              <Stack gap={4} mt="xs">
                <SignaturePad onChange={setDrawn} />
                {error('signature') && (
                  <Text c="red" size="sm">
                    {error('signature')}
                  </Text>
                )}
              </Stack>
            )}
          </div>
          <TextInput
            type="date"
            label={t('release.signedOn')}
            required
            size="md"
            value={signedOn}
            onChange={(event) => setSignedOn(event.currentTarget.value)}
            error={error('signedOn')}
          />
          {create.isError && <ErrorAlert error={create.error} />}
          <Group>
            <Button type="submit" size="lg" loading={create.isPending}>
              {t('release.sign')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

/**
 * A provider recipient is a partner organization of the directory: picked from it when the user
 * may read it (its name filled in), else given by its directory id.
 */
function PartnerPicker({
  siteId,
  enabled,
  organizationId,
  onPick,
}: {
  siteId: string;
  enabled: boolean;
  organizationId: string;
  onPick: (organizationId: string, name?: string) => void;
}) {
  const { t } = useTranslation('participant');
  const organizations = usePartnerOrganizations(siteId, enabled);
  const list = organizations.data?.organizations ?? [];
  if (list.length > 0)
    return (
      <NativeSelect
        label={t('release.organization')}
        size="md"
        value={organizationId}
        data={[
          { value: '', label: t('release.chooseOrganization') },
          ...list.map((organization) => ({ value: organization.id, label: organization.name })),
        ]}
        onChange={(event) => {
          const picked = list.find((organization) => organization.id === event.currentTarget.value);
          onPick(event.currentTarget.value, picked?.name);
        }}
      />
    );
  return (
    <TextInput
      label={t('release.organizationId')}
      description={t('release.organizationIdHint')}
      size="md"
      value={organizationId}
      onChange={(event) => onPick(event.currentTarget.value)}
    />
  );
}
