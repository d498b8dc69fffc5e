import { notifications } from '@mantine/notifications'
import { IconAlertTriangle, IconCheck } from '@tabler/icons-react'
import { i18next } from '../i18n/i18n'

const closeButtonProps = () => ({ 'aria-label': i18next.t('common.actions.close') })

/** A short confirmation that something was done (colour, icon and words together). */
export function notifySuccess(title: string, message: string): void {
  notifications.show({
    color: 'green',
    icon: <IconCheck size={18} aria-hidden />,
    title,
    message,
    closeButtonProps: closeButtonProps(),
  })
}

export function notifyFailure(title: string, message: string): void {
  notifications.show({
    color: 'red',
    icon: <IconAlertTriangle size={18} aria-hidden />,
    title,
    message,
    autoClose: false,
    closeButtonProps: closeButtonProps(),
  })
}
