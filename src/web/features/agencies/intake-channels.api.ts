import type {
  ChannelKeyList,
  ChannelKeyView,
  IntakeChannel,
  NewChannelKeyResult,
} from '../../../features/reports/intake-channels.schema'
import { apiPost, withQuery } from '../../api/client'

export type { ChannelKeyList, ChannelKeyView, IntakeChannel, NewChannelKeyResult }

/** The channels a key can be made for, in the order the form offers them. */
export const channelOptions: readonly IntakeChannel[] = ['lapor', 'sbt_bkn', 'bawaslu', 'internal']

export const channelKeysPath = (agencyId: string) => withQuery('/api/v1/intake/channel-keys', { agencyId })

export const createChannelKey = (agencyId: string, body: { channel: IntakeChannel; label: string }) =>
  apiPost<NewChannelKeyResult>('/api/v1/intake/channel-keys', { agencyId, ...body })

export const revokeChannelKey = (id: string) =>
  apiPost<ChannelKeyView>(`/api/v1/intake/channel-keys/${encodeURIComponent(id)}/revoke`)
