/**
 * /ikrar/kampanye/:campaignId/slip-kode — the one-time codes just issued, one slip per person (name, NIP, unit,
 * link, code and a QR code of the link), grouped by unit, ready to print and cut. The codes only exist in this
 * browser tab's memory: after a reload they are gone and a person needs a fresh code from the coverage list.
 */
import './code-slips.css'
import { Alert, Anchor, Button, Group, Stack, Text, Title } from '@mantine/core'
import { IconAlertTriangle, IconPrinter } from '@tabler/icons-react'
import QRCode from 'qrcode'
import { useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { formatNumber } from '../../format/date-time'
import { PageHeader } from '../../ui/page-header'
import { codesByUnit, issuedCodesOf } from './issued-codes'
import type { IssuedCode } from './pledges.api'

export function CodeSlipsPage() {
  const { campaignId = '' } = useParams()
  const { t, i18n } = useTranslation()
  const language = i18n.resolvedLanguage ?? 'id'
  const batch = issuedCodesOf(campaignId)
  const groups = useMemo(() => (batch ? codesByUnit(batch.codes) : []), [batch])
  const backTo = `/ikrar/kampanye/${campaignId}`

  return (
    <>
      <div className="netra-no-print">
        <PageHeader
          title={t('pledges.staff.slips.title')}
          breadcrumbs={[
            { label: t('app.nav.area.home'), to: '/' },
            { label: t('pledges.staff.nav'), to: '/ikrar' },
            { label: batch?.campaignName ?? t('pledges.staff.campaign.title'), to: backTo },
            { label: t('pledges.staff.slips.title') },
          ]}
          description={
            batch
              ? t('pledges.staff.slips.description', { total: formatNumber(batch.codes.length, language) })
              : undefined
          }
          actions={
            batch ? (
              <Button leftSection={<IconPrinter size={18} aria-hidden />} onClick={() => window.print()}>
                {t('pledges.staff.slips.print')}
              </Button>
            ) : null
          }
        />
      </div>
      {!batch ? (
        <Alert
          color="orange"
          icon={<IconAlertTriangle aria-hidden />}
          title={t('pledges.staff.slips.gone_title')}
        >
          <Stack gap="xs">
            <Text size="sm">{t('pledges.staff.slips.gone')}</Text>
            <Anchor component={Link} to={backTo} size="sm">
              {t('pledges.staff.slips.back')}
            </Anchor>
          </Stack>
        </Alert>
      ) : (
        <Stack gap="xl">
          <Alert color="orange" icon={<IconAlertTriangle aria-hidden />} className="netra-no-print">
            {t('pledges.staff.codes.warning')}
          </Alert>
          {groups.map((group) => (
            <Stack
              key={group.unitId}
              gap="sm"
              component="section"
              className="netra-code-unit"
              aria-labelledby={`slip-${group.unitId}`}
            >
              <Group justify="space-between" gap="sm">
                <Title order={2} size="h4" id={`slip-${group.unitId}`}>
                  {group.unitName}
                </Title>
                <Text size="sm" c="dimmed">
                  {t('pledges.staff.slips.count', { total: formatNumber(group.codes.length, language) })}
                </Text>
              </Group>
              <div className="netra-code-slips">
                {group.codes.map((code) => (
                  <CodeSlip key={code.employeeId} code={code} campaignName={batch.campaignName} />
                ))}
              </div>
            </Stack>
          ))}
        </Stack>
      )}
    </>
  )
}

function CodeSlip({ code, campaignName }: { readonly code: IssuedCode; readonly campaignName: string }) {
  const { t } = useTranslation()
  const [qr, setQr] = useState<string | null>(null)

  useEffect(() => {
    let isCurrent = true
    QRCode.toDataURL(code.link, { margin: 1, width: 176, errorCorrectionLevel: 'M' }).then(
      (url) => {
        if (isCurrent) setQr(url)
      },
      () => {
        // Without a QR the slip still carries the link and the code in writing.
      },
    )
    return () => {
      isCurrent = false
    }
  }, [code.link])

  return (
    <article className="netra-code-slip" aria-label={t('pledges.staff.slips.slip_of', { name: code.name })}>
      <Group align="flex-start" wrap="nowrap" gap="md">
        <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
          <Text size="xs" c="dimmed">
            {campaignName}
          </Text>
          <Text fw={700}>{code.name}</Text>
          <Text size="sm">
            {t('pledges.staff.slips.nip')}: {code.nip ?? '—'}
          </Text>
          <Text size="sm">{code.unitName}</Text>
          <Text size="xs" mt={4}>
            {t('pledges.staff.slips.open_link')}
          </Text>
          <Text className="netra-code-slip__link">{code.link}</Text>
          <Text size="xs" mt={4}>
            {t('pledges.staff.slips.code')}
          </Text>
          <Text className="netra-code-slip__code" data-testid="slip-code">
            {code.code}
          </Text>
        </Stack>
        {qr && (
          <img src={qr} width={112} height={112} alt={t('pledges.staff.slips.qr_alt', { name: code.name })} />
        )}
      </Group>
    </article>
  )
}
