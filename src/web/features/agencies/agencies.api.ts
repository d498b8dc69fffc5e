import type { z } from 'zod'
import type { AgencyList, AgencyView, CreateAgencyBody } from '../../../features/agencies/agencies.schema'
import { apiPost } from '../../api/client'

export type AgencyListView = z.infer<typeof AgencyList>

export const agenciesPath = '/api/v1/agencies'

export const createAgency = (body: CreateAgencyBody) => apiPost<AgencyView>(agenciesPath, body)
