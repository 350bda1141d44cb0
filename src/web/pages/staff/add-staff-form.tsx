import {
  Alert,
  Button,
  NativeSelect,
  PasswordInput,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/api-context.tsx';
import type { AddStaffRequest, Role } from '../../api/types.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { ROLE_ORDER } from '../home/role-homes.ts';

const EMPTY = { email: '', displayName: '', role: 'case_manager' as Role, initialPassword: '' };

/**
 * Gives someone a role at the site, creating their account if the e-mail is new. Each submission
 * carries a fresh Idempotency-Key, so a retried request is never applied twice.
 */
export function AddStaffForm({ siteId }: { siteId: string }) {
  const { t } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const [fields, setFields] = useState(EMPTY);
  const add = useMutation({
    mutationFn: (request: { body: AddStaffRequest; key: string }) =>
      api.addStaff(siteId, request.body, request.key),
    onSuccess: () => {
      setFields(EMPTY);
      void queryClient.invalidateQueries({ queryKey: ['staff', siteId] });
    },
  });
  const set = (name: keyof typeof EMPTY) => (event: { currentTarget: { value: string } }) =>
    setFields({ ...fields, [name]: event.currentTarget.value });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body: AddStaffRequest = {
      email: fields.email.trim(),
      displayName: fields.displayName.trim(),
      role: fields.role,
      ...(fields.initialPassword ? { initialPassword: fields.initialPassword } : {}),
    };
    add.mutate({ body, key: crypto.randomUUID() });
  };
  return (
    <section aria-labelledby="add-staff-heading">
      <Title order={2} id="add-staff-heading" mt="xl">
        {t('staff.addTitle')}
      </Title>
      <Text mb="md">{t('staff.addIntro')}</Text>
      <form onSubmit={submit}>
        <Stack gap="md" maw={640}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('staff.email')}
              type="email"
              autoComplete="off"
              required
              value={fields.email}
              onChange={set('email')}
            />
            <TextInput
              label={t('staff.displayName')}
              autoComplete="off"
              required
              value={fields.displayName}
              onChange={set('displayName')}
            />
            <NativeSelect
              label={t('staff.role')}
              required
              value={fields.role}
              onChange={set('role')}
              data={ROLE_ORDER.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
            />
            <PasswordInput
              label={t('staff.initialPassword')}
              description={t('staff.initialPasswordHint')}
              autoComplete="new-password"
              minLength={12}
              value={fields.initialPassword}
              onChange={set('initialPassword')}
              visibilityToggleFocusable
              visibilityToggleButtonProps={{ 'aria-label': t('signIn.showPassword') }}
            />
          </SimpleGrid>
          {add.isError && <ErrorAlert error={add.error} />}
          {add.isSuccess && (
            <Alert color="green" variant="light" role="status" title={t('common.successTitle')}>
              {t('staff.added', {
                name: add.data.displayName,
                roles: add.data.roles.map((role) => t(`roles.${role}`)).join(', '),
              })}
            </Alert>
          )}
          <Button type="submit" loading={add.isPending} style={{ alignSelf: 'flex-start' }}>
            {t('staff.submit')}
          </Button>
        </Stack>
      </form>
    </section>
  );
}
