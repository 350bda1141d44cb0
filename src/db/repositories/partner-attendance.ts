import type { AppointmentStatus } from '../../domain/appointments/appointment.ts';
import type { Tx } from '../scope.ts';

/**
 * A participant's appointments with one partner organization's services (by the directory's
 * service id on the appointment), soonest first: only when and the status, for the partner's view.
 */
export async function findAppointmentsWithOrganization(
  tx: Tx,
  query: { siteId: string; participantId: string; organizationId: string },
): Promise<{ startsAt: Date; status: AppointmentStatus }[]> {
  const rows = await tx
    .selectFrom('appointments')
    .innerJoin('directory_services', (join) =>
      join
        .onRef('directory_services.site_id', '=', 'appointments.site_id')
        .onRef('directory_services.id', '=', 'appointments.partner_service_id'),
    )
    .select(['appointments.starts_at as startsAt', 'appointments.status'])
    .where('appointments.site_id', '=', query.siteId)
    .where('appointments.participant_id', '=', query.participantId)
    .where('directory_services.organization_id', '=', query.organizationId)
    .orderBy('appointments.starts_at')
    .orderBy('appointments.id')
    .execute();
  return rows as { startsAt: Date; status: AppointmentStatus }[];
}

/**
 * The provider users linked to a partner organization at the site who still hold the provider role
 * there and are not locked, with their e-mail.
 */
export async function findProviderUsersOfOrganization(
  tx: Tx,
  siteId: string,
  organizationId: string,
): Promise<{ userId: string; email: string }[]> {
  return tx
    .selectFrom('provider_organizations')
    .innerJoin('users', 'users.id', 'provider_organizations.user_id')
    .select(['users.id as userId', 'users.email'])
    .where('provider_organizations.site_id', '=', siteId)
    .where('provider_organizations.organization_id', '=', organizationId)
    .where('users.locked_at', 'is', null)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('memberships')
          .select('memberships.user_id')
          .whereRef('memberships.site_id', '=', 'provider_organizations.site_id')
          .whereRef('memberships.user_id', '=', 'provider_organizations.user_id')
          .where('memberships.role', '=', 'provider'),
      ),
    )
    .orderBy('users.id')
    .execute();
}
