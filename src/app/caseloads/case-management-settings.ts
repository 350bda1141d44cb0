import { type CaseManagementSettings, saveCaseManagementSettings } from '../../db/repositories/caseloads.ts';
import type { Tx } from '../../db/scope.ts';
import { DomainError } from '../../domain/errors.ts';

/** A program manager sets the caseload caps and the engagement thresholds. */
export async function saveCaseManagement(
  tx: Tx,
  siteId: string,
  settings: CaseManagementSettings,
): Promise<void> {
  if (settings.engagement.inTheWindDays <= settings.engagement.inactiveDays)
    throw new DomainError(
      'INVALID_ENGAGEMENT_THRESHOLDS',
      'engagementInTheWindDays must be more than engagementInactiveDays.',
    );
  if (settings.caps.hardMax < settings.caps.averagePerFte)
    throw new DomainError('INVALID_CASELOAD_CAPS', 'caseloadHardMax must be at least caseloadAveragePerFte.');
  await saveCaseManagementSettings(tx, siteId, settings);
}
