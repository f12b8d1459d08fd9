import type { IncomingMessage, ServerResponse } from 'node:http';
import { type ApolloServer, HeaderMap } from '@apollo/server';
import { type ApiDeps, type Context, createContext } from '../context.js';
import { endCompressed } from './compress-response.js';
import { readJsonBody } from './read-body.js';

export async function serveGraphql(
  deps: ApiDeps,
  apollo: ApolloServer<Context>,
  req: IncomingMessage,
  res: ServerResponse,
  requestId: string,
): Promise<void> {
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  const url = new URL(req.url ?? '/', 'http://localhost');
  const response = await apollo.executeHTTPGraphQLRequest({
    httpGraphQLRequest: {
      method: (req.method ?? 'GET').toUpperCase(),
      headers,
      search: url.search,
      body: req.method === 'POST' ? await readJsonBody(req) : undefined,
    },
    context: () =>
      createContext(deps, {
        authorization: req.headers.authorization,
        requestId,
        clientAddress: req.socket.remoteAddress ?? null,
      }),
  });
  for (const [key, value] of response.headers) res.setHeader(key, value);
  res.setHeader('x-request-id', requestId);
  res.statusCode = response.status ?? 200;
  if (response.body.kind === 'complete') {
    await endCompressed(res, response.body.string, req.headers['accept-encoding']);
    return;
  }
  for await (const chunk of response.body.asyncIterator) res.write(chunk);
  res.end();
}
