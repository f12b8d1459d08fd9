import http from 'node:http';
import type { AddressInfo } from 'node:net';
import persistedDocuments from '../../src/gql/persisted-documents.json';

const manifest = persistedDocuments as Record<string, string>;

export interface FailingApi {
  url: string;
  close(): Promise<void>;
}

/**
 * A pass-through in front of the real API that answers the named GraphQL operations with an internal error, as an
 * API failing half-way through a page would (after the session check, while a section is streaming). Everything
 * else, sign-in included, reaches the real API unchanged.
 */
export async function startFailingApi(apiUrl: string, failing: readonly string[]): Promise<FailingApi> {
  const server = http.createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    // The operation's name (the manifest's text puts the fragments first).
    const operation = /(?:^|[\s}])(?:query|mutation)\s+(\w+)/.exec(readQuery(body))?.[1];
    if (request.method === 'POST' && operation && failing.includes(operation)) {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify({
          errors: [{ message: 'Injected failure', extensions: { code: 'INTERNAL_SERVER_ERROR' } }],
        }),
      );
      return;
    }
    const headers = Object.fromEntries(
      Object.entries(request.headers).filter(
        ([name]) => !['host', 'content-length', 'connection'].includes(name),
      ),
    ) as Record<string, string>;
    const upstream = await fetch(`${apiUrl}${request.url}`, {
      method: request.method,
      headers,
      body: request.method === 'GET' || request.method === 'HEAD' ? undefined : body,
    });
    // fetch has decoded the body, so its encoding and length headers no longer apply.
    const passed = [...upstream.headers].filter(
      ([name]) => !['content-encoding', 'content-length'].includes(name),
    );
    response.writeHead(upstream.status, Object.fromEntries(passed));
    response.end(Buffer.from(await upstream.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** The operation's text: sent as `query`, or by its hash (the web sends its operations by id: the manifest). */
function readQuery(body: Buffer): string {
  try {
    const parsed = JSON.parse(body.toString('utf8')) as {
      query?: unknown;
      extensions?: { persistedQuery?: { sha256Hash?: unknown } };
    };
    if (typeof parsed.query === 'string') return parsed.query;
    const hash = parsed.extensions?.persistedQuery?.sha256Hash;
    return typeof hash === 'string' ? (manifest[hash] ?? '') : '';
  } catch {
    return '';
  }
}
