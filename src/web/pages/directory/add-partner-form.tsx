import { Alert, Button, Card, MultiSelect, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { useAddPartner } from './directory-api.ts';
import { SERVICE_CATEGORIES } from './directory-types.ts';

const EMPTY = {
  organizationName: '',
  organizationDescription: '',
  phone: '',
  website: '',
  serviceName: '',
  serviceDescription: '',
  hours: '',
  languages: 'en, es',
};

/** A program manager adds a partner organization with its first service. */
export function AddPartnerForm({ siteId }: { siteId: string }) {
  const { t } = useTranslation('directory');
  const add = useAddPartner(siteId);
  const [open, setOpen] = useState(false);
  const [fields, setFields] = useState(EMPTY);
  const [categories, setCategories] = useState<string[]>([]);
  const [added, setAdded] = useState<string | null>(null);
  const field = (key: keyof typeof EMPTY) => ({
    value: fields[key],
    onChange: (event: { currentTarget: { value: string } }) =>
      setFields((current) => ({ ...current, [key]: event.currentTarget.value })),
  });
  const blank = (value: string) => (value.trim() === '' ? null : value.trim());

  function submit(event: FormEvent) {
    event.preventDefault();
    add.mutate(
      {
        organization: {
          name: fields.organizationName,
          description: fields.organizationDescription,
          phone: blank(fields.phone),
          website: blank(fields.website),
        },
        service: {
          name: fields.serviceName,
          description: blank(fields.serviceDescription),
          hours: blank(fields.hours),
          categories: categories as (typeof SERVICE_CATEGORIES)[number][],
          languages: fields.languages
            .split(/[\s,]+/)
            .map((code) => code.trim().toLowerCase())
            .filter(Boolean),
        },
      },
      {
        onSuccess: () => {
          setAdded(fields.organizationName);
          setFields(EMPTY);
          setCategories([]);
          setOpen(false);
        },
      },
    );
  }

  if (!open)
    return (
      <Stack gap="xs" mb="md">
        {added && (
          <Alert color="green" role="status">
            {t('add.added', { name: added })}
          </Alert>
        )}
        <Button size="md" variant="light" onClick={() => setOpen(true)} style={{ alignSelf: 'flex-start' }}>
          {t('add.open')}
        </Button>
      </Stack>
    );
  return (
    <Card withBorder padding="md" mb="md" component="form" onSubmit={submit}>
      <Title order={2} size="h4" mb="sm">
        {t('add.heading')}
      </Title>
      <Stack gap="sm">
        <TextInput label={t('add.organizationName')} size="md" required {...field('organizationName')} />
        <Textarea
          label={t('add.organizationDescription')}
          size="md"
          autosize
          {...field('organizationDescription')}
        />
        <TextInput label={t('add.phone')} size="md" type="tel" {...field('phone')} />
        <TextInput label={t('add.website')} size="md" type="url" {...field('website')} />
        <TextInput label={t('add.serviceName')} size="md" required {...field('serviceName')} />
        <Textarea label={t('add.serviceDescription')} size="md" autosize {...field('serviceDescription')} />
        <MultiSelect
          label={t('add.categories')}
          size="md"
          value={categories}
          onChange={setCategories}
          data={SERVICE_CATEGORIES.map((category) => ({ value: category, label: t(`category.${category}`) }))}
        />
        <TextInput label={t('add.languages')} size="md" {...field('languages')} />
        <TextInput label={t('add.hours')} size="md" {...field('hours')} />
        {add.isError && <ErrorAlert error={add.error} />}
        <Stack gap="xs">
          <Button type="submit" size="md" loading={add.isPending}>
            {t('add.submit')}
          </Button>
          <Button variant="subtle" size="md" onClick={() => setOpen(false)}>
            {t('add.cancel')}
          </Button>
        </Stack>
      </Stack>
    </Card>
  );
}
