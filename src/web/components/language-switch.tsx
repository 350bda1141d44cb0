import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { chooseLanguage, otherLanguage } from '../i18n/i18n.ts';

/** Switches between English and Spanish; the button names the other language in that language. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const target = otherLanguage(i18n.language);
  return (
    <Button
      variant="default"
      size="sm"
      px="sm"
      lang={target}
      style={{ flexShrink: 0 }}
      onClick={() => chooseLanguage(i18n, target)}
    >
      {t('language.switch')}
    </Button>
  );
}
