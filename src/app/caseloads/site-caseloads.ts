import {
  type CaseManagementSettings,
  countCaseloads,
  findCaseManagementSettings,
  findStaffFtes,
} from '../../db/repositories/caseloads.ts';
import { findCurrentParticipants } from '../../db/repositories/participant-care.ts';
import type { Tx } from '../../db/scope.ts';
import type { Role } from '../../domain/access/roles.ts';
import { type CaseloadStanding, capsFor, caseloadStanding } from '../../domain/participants/caseload.ts';
import { findCareTeam } from './care-team.ts';

export type StaffCaseload = {
  userId: string;
  displayName: string;
  roles: Role[];
  fte: number;
  load: number;
  target: number;
  hardMax: number;
  standing: CaseloadStanding;
};

export type SiteCaseloads = {
  settings: CaseManagementSettings;
  staff: StaffCaseload[];
  /** People in the program with no case manager yet. */
  unassigned: number;
};

/** Each care-team member's caseload against the site's caps (counts only, no one's record). */
export async function siteCaseloads(tx: Tx, siteId: string): Promise<SiteCaseloads> {
  const settings = await findCaseManagementSettings(tx, siteId);
  const [careTeam, ftes, loads, current] = [
    await findCareTeam(tx, siteId),
    await findStaffFtes(tx, siteId),
    await countCaseloads(tx, siteId),
    await findCurrentParticipants(tx, siteId),
  ];
  return {
    settings,
    staff: careTeam.map((member) => {
      const fte = ftes.get(member.userId) ?? 1;
      const load = loads.get(member.userId) ?? 0;
      const caps = capsFor(fte, settings.caps);
      return {
        userId: member.userId,
        displayName: member.displayName,
        roles: member.roles,
        fte,
        load,
        target: caps.target,
        hardMax: caps.hardMax,
        standing: caseloadStanding(load, fte, settings.caps),
      };
    }),
    unassigned: current.filter((participant) => participant.caseManagerId === null).length,
  };
}
