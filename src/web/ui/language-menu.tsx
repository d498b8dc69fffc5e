import { Button, Menu } from '@mantine/core'
import { IconCheck, IconLanguage } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { changeLanguage, languages, type Language } from '../i18n/i18n'

// Each language is named in itself, so a reader of either finds theirs.
const languageNames: Record<Language, string> = { id: 'Bahasa Indonesia', en: 'English' }

export function LanguageMenu() {
  const { t, i18n } = useTranslation()
  const current = (i18n.resolvedLanguage === 'en' ? 'en' : 'id') satisfies Language

  const handleSelect = (language: Language) => {
    void changeLanguage(language)
  }

  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button
          variant="subtle"
          color="dark"
          size="sm"
          px="xs"
          leftSection={<IconLanguage size={18} aria-hidden />}
          aria-label={t('app.language.button', { language: languageNames[current] })}
        >
          {current.toUpperCase()}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('app.language.label')}</Menu.Label>
        {languages.map((language) => (
          <Menu.Item
            key={language}
            lang={language}
            onClick={() => handleSelect(language)}
            rightSection={language === current ? <IconCheck size={16} aria-hidden /> : null}
            aria-current={language === current ? 'true' : undefined}
          >
            {languageNames[language]}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  )
}
