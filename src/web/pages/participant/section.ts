import type { ComponentType } from 'react';
import type { SessionSite } from '../../api/types.ts';
import type { ParticipantDetail } from './participant-api.ts';

/** What every section of the participant page is given: the site and the participant's record. */
export type ParticipantSectionProps = { site: SessionSite; participant: ParticipantDetail };

/** One section of the participant page (summary, intake, releases, contacts, plan, timeline...). */
export type ParticipantSection = ComponentType<ParticipantSectionProps>;
