export interface WebReadiness {
  status: 200 | 503;
  body: { ok: boolean; api: string };
}

/**
 * The dashboard is ready when the API it renders from is: it asks the API's /readyz (database reachable, migrations
 * current) and says in one line why not. No session is needed on either side.
 */
export async function checkApiReadiness(apiUrl: string, timeoutMs = 5_000): Promise<WebReadiness> {
  try {
    const response = await fetch(`${apiUrl}/readyz`, {
      signal: AbortSignal.timeout(timeoutMs),
      cache: 'no-store',
    });
    const report = (await response.json().catch(() => null)) as {
      database?: string;
      migrations?: string;
    } | null;
    if (response.ok) return { status: 200, body: { ok: true, api: 'ok' } };
    const why = [report?.database, report?.migrations].filter((part) => part && part !== 'ok').join('; ');
    return {
      status: 503,
      body: { ok: false, api: `not ready (${response.status}): ${why || 'no reason given'}` },
    };
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).name;
    return { status: 503, body: { ok: false, api: `unreachable at ${apiUrl}: ${cause}` } };
  }
}
