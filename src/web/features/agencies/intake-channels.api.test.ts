import { describe, expect, it } from 'vitest'
import { intakeChannels } from '../../../features/reports/intake-channels.schema'
import en from '../../i18n/en.json'
import id from '../../i18n/id.json'
import { channelKeysPath, channelOptions } from './intake-channels.api'

describe('channel keys page data', () => {
  it('offers every channel the server takes keys for, each named in both languages', () => {
    expect([...channelOptions].sort()).toEqual([...intakeChannels].sort())
    for (const channel of channelOptions) {
      expect(id.intakeChannels.channel[channel]).toEqual(expect.any(String))
      expect(en.intakeChannels.channel[channel]).toEqual(expect.any(String))
    }
  })

  it("asks for the chosen agency's keys", () => {
    expect(channelKeysPath('0193a5b2-7c1d-7000-8000-000000000001')).toBe(
      '/api/v1/intake/channel-keys?agencyId=0193a5b2-7c1d-7000-8000-000000000001',
    )
  })
})
