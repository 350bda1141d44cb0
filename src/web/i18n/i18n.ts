import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { readStored, STORAGE_KEYS, writeStored } from '../storage.ts';
import caseworkEn from './casework.en.json' with { type: 'json' };
import caseworkEs from './casework.es.json' with { type: 'json' };
import directoryEn from './directory.en.json' with { type: 'json' };
import directoryEs from './directory.es.json' with { type: 'json' };
import dispatchEn from './dispatch.en.json' with { type: 'json' };
import dispatchEs from './dispatch.es.json' with { type: 'json' };
import en from './en.json' with { type: 'json' };
import es from './es.json' with { type: 'json' };
import fieldEn from './field.en.json' with { type: 'json' };
import fieldEs from './field.es.json' with { type: 'json' };
import mydayEn from './myday.en.json' with { type: 'json' };
import mydayEs from './myday.es.json' with { type: 'json' };
import participantEn from './participant.en.json' with { type: 'json' };
import participantEs from './participant.es.json' with { type: 'json' };
import programEn from './program.en.json' with { type: 'json' };
import programEs from './program.es.json' with { type: 'json' };

export const LANGUAGES = ['en', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];

function isLanguage(value: string | null | undefined): value is Language {
  return LANGUAGES.includes(value as Language);
}

/** The remembered choice, else the browser's preference, else English. */
function initialLanguage(): Language {
  const stored = readStored(STORAGE_KEYS.language);
  if (isLanguage(stored)) return stored;
  const preferred = (navigator.languages ?? [navigator.language]).map((tag) => tag.slice(0, 2));
  return preferred.find(isLanguage) ?? 'en';
}

/** One i18next instance for the app, with both languages bundled (no requests, works offline). */
export function createI18n(): I18n {
  const instance = i18next.createInstance();
  instance.on('languageChanged', (language) => {
    document.documentElement.lang = language;
  });
  void instance.use(initReactI18next).init({
    // "field": the officer's field app; "program": review, rules and reports, and the public page;
    // "dispatch": hand-off queue and answers, on-call roster, the prosecutor's deadlines, response figures.
    resources: {
      en: {
        translation: en,
        field: fieldEn,
        program: programEn,
        dispatch: dispatchEn,
        casework: caseworkEn,
        participant: participantEn,
        directory: directoryEn,
        myday: mydayEn,
      },
      es: {
        translation: es,
        field: fieldEs,
        program: programEs,
        dispatch: dispatchEs,
        casework: caseworkEs,
        participant: participantEs,
        directory: directoryEs,
        myday: mydayEs,
      },
    },
    ns: ['translation', 'field', 'program', 'dispatch', 'casework', 'participant', 'directory', 'myday'],
    defaultNS: 'translation',
    lng: initialLanguage(),
    fallbackLng: 'en',
    supportedLngs: [...LANGUAGES],
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  return instance;
}

/** Switches the language and remembers the choice on this device. */
export function chooseLanguage(instance: I18n, language: Language): void {
  writeStored(STORAGE_KEYS.language, language);
  void instance.changeLanguage(language);
}

export function otherLanguage(current: string): Language {
  return current.startsWith('es') ? 'en' : 'es';
}
