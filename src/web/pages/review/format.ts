// Dates and waiting times in the reader's language.
import type { TFunction } from 'i18next';

export function formatDateTime(iso: string, language: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

export function formatDate(iso: string, language: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium' }).format(new Date(iso));
}

/** "2 hours", "3 days": how long since `iso`, in the largest whole unit. */
export function waitedFor(iso: string, now: number, t: TFunction<'program'>): string {
  const minutes = Math.max(0, Math.floor((now - new Date(iso).getTime()) / 60_000));
  if (minutes < 1) return t('review.underAMinute');
  if (minutes < 60) return t('review.minutes', { count: minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return t('review.hours', { count: hours });
  return t('review.days', { count: Math.floor(hours / 24) });
}
