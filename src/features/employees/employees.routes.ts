import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { actorOf } from '../../server/plugins/authorize.js'
import type { EmployeesService } from './employees.service.js'
import {
  CreateEmployeeBody,
  EmployeeDetail,
  EmployeeList,
  EmployeeParams,
  ListEmployeesQuery,
  MoveEmployeeBody,
  SetStatusBody,
  SetSuperiorBody,
  SocialAccountBody,
  SocialAccountParams,
  SocialAccountView,
  UpdateEmployeeBody,
  UpdateSocialAccountBody,
} from './employees.schema.js'

export const employeesRoutes: FastifyPluginAsyncZod<{ employees: EmployeesService }> = async (
  app,
  { employees },
) => {
  const read = { policy: 'roster.read' } as const
  const manage = { policy: 'roster.manage' } as const
  const tags = ['employees']

  app.get(
    '/employees',
    {
      config: read,
      schema: {
        tags,
        summary: 'Search and filter employees (paginated; NIK masked)',
        querystring: ListEmployeesQuery,
        response: { 200: EmployeeList },
      },
    },
    (request) => employees.listEmployees(actorOf(request), request.query),
  )

  app.post(
    '/employees',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Create an employee',
        body: CreateEmployeeBody,
        response: { 201: EmployeeDetail },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await employees.createEmployee(actorOf(request), request.body)),
  )

  app.get(
    '/employees/:employeeId',
    {
      config: read,
      schema: {
        tags,
        summary: 'One employee with unit breadcrumb, superior and social accounts',
        params: EmployeeParams,
        response: { 200: EmployeeDetail },
      },
    },
    async (request, reply) => {
      // The detail may carry a full NIK: never cached.
      void reply.header('cache-control', 'no-store')
      return employees.getEmployee(actorOf(request), request.params.employeeId)
    },
  )

  app.patch(
    '/employees/:employeeId',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Edit record fields (null clears a field)',
        params: EmployeeParams,
        body: UpdateEmployeeBody,
        response: { 200: EmployeeDetail },
      },
    },
    (request) => employees.updateEmployee(actorOf(request), request.params.employeeId, request.body),
  )

  app.put(
    '/employees/:employeeId/unit',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Move the employee to another unit',
        params: EmployeeParams,
        body: MoveEmployeeBody,
        response: { 200: EmployeeDetail },
      },
    },
    (request) => employees.moveEmployee(actorOf(request), request.params.employeeId, request.body),
  )

  app.put(
    '/employees/:employeeId/superior',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Set or clear the direct superior (no cycles)',
        params: EmployeeParams,
        body: SetSuperiorBody,
        response: { 200: EmployeeDetail },
      },
    },
    (request) => employees.setSuperior(actorOf(request), request.params.employeeId, request.body),
  )

  app.put(
    '/employees/:employeeId/status',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Change status (active, moved, retired, dismissed)',
        params: EmployeeParams,
        body: SetStatusBody,
        response: { 200: EmployeeDetail },
      },
    },
    (request) => employees.setStatus(actorOf(request), request.params.employeeId, request.body),
  )

  app.post(
    '/employees/:employeeId/social-accounts',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Add a social-media account',
        params: EmployeeParams,
        body: SocialAccountBody,
        response: { 201: SocialAccountView },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await employees.addSocialAccount(actorOf(request), request.params.employeeId, request.body)),
  )

  app.patch(
    '/employees/:employeeId/social-accounts/:accountId',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Mark a social-media account verified or not',
        params: SocialAccountParams,
        body: UpdateSocialAccountBody,
        response: { 200: SocialAccountView },
      },
    },
    (request) =>
      employees.updateSocialAccount(
        actorOf(request),
        request.params.employeeId,
        request.params.accountId,
        request.body,
      ),
  )

  app.delete(
    '/employees/:employeeId/social-accounts/:accountId',
    {
      config: manage,
      schema: { tags, summary: 'Remove a social-media account', params: SocialAccountParams },
    },
    async (request, reply) => {
      await employees.removeSocialAccount(
        actorOf(request),
        request.params.employeeId,
        request.params.accountId,
      )
      return reply.status(204).send()
    },
  )
}
