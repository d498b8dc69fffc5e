import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { actorOf } from '../../server/plugins/authorize.js'
import type { UsersService } from './users.service.js'
import {
  CreatedUserView,
  CreateUserBody,
  ListUsersQuery,
  SetRolesBody,
  TemporaryPasswordView,
  UpdateUserBody,
  UserList,
  UserParams,
  UserView,
} from './users.schema.js'

export const usersRoutes: FastifyPluginAsyncZod<{ users: UsersService }> = async (app, { users }) => {
  const config = { policy: 'users.manage' } as const
  const tags = ['users']

  app.get(
    '/users',
    {
      config,
      schema: { tags, summary: 'List accounts', querystring: ListUsersQuery, response: { 200: UserList } },
    },
    (request) => users.listUsers(actorOf(request), request.query),
  )

  app.post(
    '/users',
    {
      config,
      schema: {
        tags,
        summary: 'Create an account (a temporary password is returned once when none is given)',
        body: CreateUserBody,
        response: { 201: CreatedUserView },
      },
    },
    async (request, reply) => reply.status(201).send(await users.createUser(actorOf(request), request.body)),
  )

  app.get(
    '/users/:userId',
    { config, schema: { tags, summary: 'One account', params: UserParams, response: { 200: UserView } } },
    (request) => users.getUser(actorOf(request), request.params.userId),
  )

  app.patch(
    '/users/:userId',
    {
      config,
      schema: {
        tags,
        summary: 'Change name or e-mail',
        params: UserParams,
        body: UpdateUserBody,
        response: { 200: UserView },
      },
    },
    (request) => users.updateUser(actorOf(request), request.params.userId, request.body),
  )

  app.put(
    '/users/:userId/roles',
    {
      config,
      schema: {
        tags,
        summary: 'Replace role assignments',
        params: UserParams,
        body: SetRolesBody,
        response: { 200: UserView },
      },
    },
    (request) => users.setRoles(actorOf(request), request.params.userId, request.body),
  )

  app.post(
    '/users/:userId/disable',
    {
      config,
      schema: { tags, summary: 'Disable an account', params: UserParams, response: { 200: UserView } },
    },
    (request) => users.setDisabled(actorOf(request), request.params.userId, true),
  )

  app.post(
    '/users/:userId/enable',
    {
      config,
      schema: { tags, summary: 'Enable an account', params: UserParams, response: { 200: UserView } },
    },
    (request) => users.setDisabled(actorOf(request), request.params.userId, false),
  )

  app.post(
    '/users/:userId/password-reset',
    {
      config,
      schema: {
        tags,
        summary: 'Issue a temporary password',
        params: UserParams,
        response: { 200: TemporaryPasswordView },
      },
    },
    async (request, reply) => {
      void reply.header('cache-control', 'no-store')
      return users.resetPassword(actorOf(request), request.params.userId)
    },
  )

  app.post(
    '/users/:userId/totp-reset',
    {
      config,
      schema: { tags, summary: 'Clear the second factor', params: UserParams, response: { 200: UserView } },
    },
    (request) => users.resetTotp(actorOf(request), request.params.userId),
  )
}
