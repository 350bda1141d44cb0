/**
 * The partner directory's own vocabulary, beside the Open Referral HSDS 3.0 fields it keeps: the
 * needs a service meets (the intake's need domains) and whether it is taking people now.
 */
import { NEED_DOMAINS, type NeedDomain } from '../participants/needs.ts';

/** The needs a service can meet: the intake's need domains, the one list. */
export const SERVICE_CATEGORIES = NEED_DOMAINS;
export type ServiceCategory = NeedDomain;

/** Whether a service takes new people now: accepting, a waitlist, or full. */
export const CAPACITIES = ['accepting', 'waitlist', 'full'] as const;
export type Capacity = (typeof CAPACITIES)[number];

/** HSDS 3.0 service status values. */
export const SERVICE_STATUSES = ['active', 'inactive', 'defunct', 'temporarily closed'] as const;
export type ServiceStatus = (typeof SERVICE_STATUSES)[number];

/**
 * The HSDS taxonomy the directory files its needs under, so an export carries them (as service
 * attributes) and an import of our own export reads them back.
 */
export const NEEDS_TAXONOMY = 'lead-needs';
