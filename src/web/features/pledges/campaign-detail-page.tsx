/**
 * /ikrar/kampanye/:campaignId — one campaign: its text, election, targets and window; "Buka" (snapshot the
 * targets and issue their one-time codes, shown once: print slips or download a CSV right away) and "Tutup";
 * once opened, the coverage with drill-down, reminders, fresh codes and revocation.
 */
import { Alert, Button, Code, Group, List, Paper, SimpleGrid, Stack, Text } from '@mantine/core'
import {
  IconAlertTriangle,
  IconDownload,
  IconLock,
  IconPencil,
  IconPlayerPlay,
  IconPrinter,
} from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { isApiError } from '../../api/client'
import { describeError } from '../../api/error-messages'
import { useApiQuery } from '../../api/use-api-query'
import { defaultTimeZone, formatDateTime, formatNumber } from '../../format/date-time'
import { mayUse } from '../../session/actor'
import { useSession } from '../../session/session-context'
import { ConfirmModal } from '../../ui/confirm-modal'
import { ErrorAlert } from '../../ui/error-alert'
import { Fact } from '../../ui/fact'
import { LoaderBlock } from '../../ui/full-page-loader'
import { notifySuccess } from '../../ui/notify'
import { PageHeader } from '../../ui/page-header'
import { SectionCard } from '../../ui/section-card'
import { useSelectedElection } from '../elections/selected-election'
import { unitTreePath, type UnitTree } from '../units/units.api'
import { CampaignCoverage } from './campaign-coverage'
import { codesCsv, downloadText, forgetIssuedCodes, issuedCodesOf, rememberIssuedCodes } from './issued-codes'
import { CampaignStatusBadge, shortHash } from './pledge-staff-labels'
import { campaignPath, closeCampaign, openCampaign, type CampaignView } from './pledges.api'

export function CampaignDetailPage() {
  const { campaignId = '' } = useParams()
  return <CampaignDetail key={campaignId} campaignId={campaignId} />
}

function CampaignDetail({ campaignId }: { readonly campaignId: string }) {
  const { t, i18n } = useTranslation()
  const language = i18n.resolvedLanguage ?? 'id'
  const session = useSession()
  const timeZone = session.agency?.timeZone ?? defaultTimeZone
  const mayManage = mayUse(session, 'pledges.manage')
  const query = useApiQuery<CampaignView>(campaignPath(campaignId))
  const { elections } = useSelectedElection()
  const [step, setStep] = useState<'open' | 'close' | null>(null)
  const [stepError, setStepError] = useState<string | null>(null)
  const [isPending, setIsPending] = useState(false)
  // Bumped when codes are remembered or forgotten (they live outside React state, see issued-codes.ts).
  const [, setCodesVersion] = useState(0)
  const campaign = query.latestData
  const units = useApiQuery<UnitTree>(
    campaign?.target.scope === 'units' ? unitTreePath({ includeInactive: true }) : null,
  )

  const breadcrumbs = [
    { label: t('app.nav.area.home'), to: '/' },
    { label: t('pledges.staff.nav'), to: '/ikrar' },
    { label: campaign?.name ?? t('pledges.staff.campaign.title') },
  ]

  if (query.error) {
    return (
      <>
        <PageHeader title={t('pledges.staff.campaign.title')} breadcrumbs={breadcrumbs} />
        <ErrorAlert message={describeError(query.error)} onRetry={query.reload} />
      </>
    )
  }
  if (!campaign) return <LoaderBlock />

  const issued = issuedCodesOf(campaign.id)

  const handleStep = async () => {
    setIsPending(true)
    setStepError(null)
    try {
      if (step === 'open') {
        const result = await openCampaign(campaign.id)
        rememberIssuedCodes({
          campaignId: campaign.id,
          campaignName: result.campaign.name,
          issuedAt: new Date().toISOString(),
          codes: result.codes,
        })
        setCodesVersion((value) => value + 1)
        notifySuccess(
          t('pledges.staff.campaign.opened_title'),
          t('pledges.staff.campaign.opened', {
            count: result.targetCount,
            emailed: formatNumber(result.emailQueued, language),
          }),
        )
      } else {
        await closeCampaign(campaign.id)
        notifySuccess(t('pledges.staff.campaign.closed_title'), campaign.name)
      }
      setStep(null)
      query.reload()
    } catch (failure) {
      if (!isApiError(failure)) throw failure
      setStepError(describeError(failure))
    } finally {
      setIsPending(false)
    }
  }

  const actions = mayManage ? (
    <>
      {campaign.status === 'draft' && (
        <Button
          component={Link}
          to={`/ikrar/kampanye/${campaign.id}/ubah`}
          variant="default"
          leftSection={<IconPencil size={18} aria-hidden />}
        >
          {t('pledges.staff.campaign.edit')}
        </Button>
      )}
      {campaign.status === 'draft' && (
        <Button leftSection={<IconPlayerPlay size={18} aria-hidden />} onClick={() => setStep('open')}>
          {t('pledges.staff.campaign.open')}
        </Button>
      )}
      {campaign.status === 'open' && (
        <Button
          variant="default"
          color="red"
          leftSection={<IconLock size={18} aria-hidden />}
          onClick={() => setStep('close')}
        >
          {t('pledges.staff.campaign.close')}
        </Button>
      )}
    </>
  ) : null

  const election = elections.find((item) => item.id === campaign.electionId)
  const unitNames = new Map((units.data?.items ?? []).map((unit) => [unit.id, unit.name]))
  const target = campaign.target
  const targetLines = [
    target.scope === 'agency'
      ? t('pledges.staff.campaign.target_agency')
      : t('pledges.staff.campaign.target_units', {
          units: target.unitIds.map((id) => unitNames.get(id) ?? '…').join(', '),
        }),
    target.employeeKinds.length > 0
      ? t('pledges.staff.campaign.target_kinds', {
          kinds: target.employeeKinds.map((kind) => t(`employees.kind.${kind}`)).join(', '),
        })
      : null,
    target.positionTypes.length > 0
      ? t('pledges.staff.campaign.target_positions', {
          types: target.positionTypes.map((type) => t(`employees.position_type.${type}`)).join(', '),
        })
      : null,
    target.onlyUnitHeads ? t('pledges.staff.campaign.target_heads') : null,
  ].filter((line): line is string => line !== null)

  return (
    <>
      <PageHeader
        title={campaign.name}
        breadcrumbs={breadcrumbs}
        actions={actions}
        description={<CampaignStatusBadge status={campaign.status} />}
      />
      <Stack gap="lg">
        {issued && (
          <IssuedCodesPanel
            campaignId={campaign.id}
            count={issued.codes.length}
            onDownload={() =>
              downloadText(
                `kode-ikrar-${campaign.id.slice(0, 8)}.csv`,
                codesCsv(issued.codes, [
                  t('pledges.staff.codes.csv.unit'),
                  t('pledges.staff.codes.csv.name'),
                  t('pledges.staff.codes.csv.nip'),
                  t('pledges.staff.codes.csv.code'),
                  t('pledges.staff.codes.csv.link'),
                ]),
              )
            }
            onForget={() => {
              forgetIssuedCodes(campaign.id)
              setCodesVersion((value) => value + 1)
            }}
          />
        )}

        <Paper
          withBorder
          radius="md"
          p={{ base: 'md', sm: 'lg' }}
          component="section"
          aria-label={t('pledges.staff.campaign.facts')}
        >
          <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="md" component="dl" m={0}>
            <Fact label={t('pledges.staff.campaign.template')}>
              {campaign.templateTitle} ·{' '}
              {t('pledges.staff.template.version', { version: campaign.templateVersion })}
              <Text component="span" display="block" size="xs" c="dimmed" fw={400}>
                SHA-256 <Code title={campaign.templateSha256}>{shortHash(campaign.templateSha256)}…</Code>
              </Text>
            </Fact>
            <Fact label={t('pledges.staff.campaign.election')}>
              {campaign.electionId ? (election?.name ?? '…') : t('pledges.staff.campaign.no_election')}
            </Fact>
            <Fact label={t('pledges.staff.campaign.window')}>
              {formatDateTime(campaign.opensAt, timeZone, language)} –{' '}
              {formatDateTime(campaign.closesAt, timeZone, language)}
            </Fact>
            <Fact label={t('pledges.staff.campaign.target')}>
              {targetLines.map((line) => (
                <Text key={line} component="span" display="block" size="sm" fw={600}>
                  {line}
                </Text>
              ))}
            </Fact>
            <Fact label={t('pledges.staff.campaign.witnesses')}>
              {campaign.witnesses.length === 0
                ? t('pledges.staff.campaign.no_witnesses')
                : campaign.witnesses.map((witness) => (
                    <Text
                      key={`${witness.name}:${witness.institution}`}
                      component="span"
                      display="block"
                      size="sm"
                      fw={600}
                    >
                      {witness.name} — {witness.institution}
                      {witness.role ? ` (${witness.role})` : ''}
                    </Text>
                  ))}
            </Fact>
            {campaign.openedAt && (
              <Fact label={t('pledges.staff.campaign.opened_at')}>
                {formatDateTime(campaign.openedAt, timeZone, language)}
              </Fact>
            )}
            {campaign.closedAt && (
              <Fact label={t('pledges.staff.campaign.closed_at')}>
                {formatDateTime(campaign.closedAt, timeZone, language)}
              </Fact>
            )}
          </SimpleGrid>
        </Paper>

        {campaign.status === 'draft' ? (
          <SectionCard title={t('pledges.staff.coverage.title')} id="cakupan-ikrar">
            <Text c="dimmed">{t('pledges.staff.campaign.draft_note')}</Text>
          </SectionCard>
        ) : (
          <CampaignCoverage campaign={campaign} />
        )}
      </Stack>

      <ConfirmModal
        opened={step !== null}
        title={
          step === 'open' ? t('pledges.staff.campaign.open_title') : t('pledges.staff.campaign.close_title')
        }
        confirmLabel={step === 'open' ? t('pledges.staff.campaign.open') : t('pledges.staff.campaign.close')}
        isDestructive={step === 'close'}
        isPending={isPending}
        error={stepError}
        onConfirm={() => void handleStep()}
        onClose={() => setStep(null)}
      >
        {step === 'open' ? (
          <List size="sm" spacing={4}>
            <List.Item>{t('pledges.staff.campaign.open_body_snapshot')}</List.Item>
            <List.Item>{t('pledges.staff.campaign.open_body_codes')}</List.Item>
            <List.Item>{t('pledges.staff.campaign.open_body_locked')}</List.Item>
          </List>
        ) : (
          t('pledges.staff.campaign.close_body')
        )}
      </ConfirmModal>
    </>
  )
}

interface IssuedCodesPanelProps {
  readonly campaignId: string
  readonly count: number
  readonly onDownload: () => void
  readonly onForget: () => void
}

/** The codes just issued: a loud warning that they are shown this once, and the two ways to keep them. */
function IssuedCodesPanel({ campaignId, count, onDownload, onForget }: IssuedCodesPanelProps) {
  const { t, i18n } = useTranslation()
  const language = i18n.resolvedLanguage ?? 'id'
  return (
    <Alert
      color="orange"
      variant="light"
      icon={<IconAlertTriangle aria-hidden />}
      title={t('pledges.staff.codes.title', { total: formatNumber(count, language) })}
      role="region"
      aria-label={t('pledges.staff.codes.region')}
    >
      <Stack gap="sm">
        <Text size="sm">{t('pledges.staff.codes.warning')}</Text>
        <Group gap="sm">
          <Button
            component={Link}
            to={`/ikrar/kampanye/${campaignId}/slip-kode`}
            leftSection={<IconPrinter size={18} aria-hidden />}
          >
            {t('pledges.staff.codes.print')}
          </Button>
          <Button variant="default" leftSection={<IconDownload size={18} aria-hidden />} onClick={onDownload}>
            {t('pledges.staff.codes.download')}
          </Button>
          <Button variant="subtle" color="dark" onClick={onForget}>
            {t('pledges.staff.codes.forget')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  )
}
