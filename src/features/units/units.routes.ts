import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { actorOf } from '../../server/plugins/authorize.js'
import type { UnitsService } from './units.service.js'
import {
  CreateUnitBody,
  ListUnitsQuery,
  MoveUnitBody,
  UnitDetail,
  UnitParams,
  UnitTree,
  UpdateUnitBody,
} from './units.schema.js'

export const unitsRoutes: FastifyPluginAsyncZod<{ units: UnitsService }> = async (app, { units }) => {
  const read = { policy: 'roster.read' } as const
  const manage = { policy: 'roster.manage' } as const
  const tags = ['units']

  app.get(
    '/units',
    {
      config: read,
      schema: {
        tags,
        summary: 'The unit tree (depth-first) with employee counts; `q` keeps matches and their ancestors',
        querystring: ListUnitsQuery,
        response: { 200: UnitTree },
      },
    },
    (request) => units.listUnits(actorOf(request), request.query),
  )

  app.post(
    '/units',
    {
      config: manage,
      schema: { tags, summary: 'Create a unit', body: CreateUnitBody, response: { 201: UnitDetail } },
    },
    async (request, reply) => reply.status(201).send(await units.createUnit(actorOf(request), request.body)),
  )

  app.get(
    '/units/:unitId',
    {
      config: read,
      schema: {
        tags,
        summary: 'One unit with breadcrumb and head',
        params: UnitParams,
        response: { 200: UnitDetail },
      },
    },
    (request) => units.getUnit(actorOf(request), request.params.unitId),
  )

  app.patch(
    '/units/:unitId',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Rename, re-code, change kind, region code or head',
        params: UnitParams,
        body: UpdateUnitBody,
        response: { 200: UnitDetail },
      },
    },
    (request) => units.updateUnit(actorOf(request), request.params.unitId, request.body),
  )

  app.post(
    '/units/:unitId/move',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Move the unit with its whole subtree under another parent (null: top level)',
        params: UnitParams,
        body: MoveUnitBody,
        response: { 200: UnitDetail },
      },
    },
    (request) => units.moveUnit(actorOf(request), request.params.unitId, request.body),
  )

  app.post(
    '/units/:unitId/deactivate',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Deactivate the unit and the units below it (employees stay; nothing is deleted)',
        params: UnitParams,
        response: { 200: UnitDetail },
      },
    },
    (request) => units.deactivateUnit(actorOf(request), request.params.unitId),
  )

  app.post(
    '/units/:unitId/reactivate',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Reactivate the unit (its parent must be active)',
        params: UnitParams,
        response: { 200: UnitDetail },
      },
    },
    (request) => units.reactivateUnit(actorOf(request), request.params.unitId),
  )
}
