import type { ServerResponse } from 'node:http';
import { findMigrationStatus } from '@dermino/db';
import type { ApiDeps } from '../context.js';
import { checkHealth } from '../health.js';
import { sendJson } from './send.js';

/**
 * Unauthenticated operations routes: GET /healthz (the process answers; nothing else is checked, so an
 * orchestrator does not restart the API for a database outage), GET /readyz (the database answers and its
 * migrations are the ones this code knows), GET /metrics (Prometheus text). None carries patient data.
 */
export async function serveOps(deps: ApiDeps, pathname: string, res: ServerResponse): Promise<boolean> {
  if (pathname === '/healthz') {
    sendJson(res, 200, { ok: true, version: deps.config.version });
    return true;
  }
  if (pathname === '/readyz') {
    const report = await checkReadiness(deps);
    sendJson(res, report.ok ? 200 : 503, report);
    return true;
  }
  if (pathname === '/metrics') {
    const { registry } = deps.services.metrics;
    const body = await registry.metrics();
    res.writeHead(200, { 'content-type': registry.contentType, 'cache-control': 'no-store' });
    res.end(body);
    return true;
  }
  return false;
}

export interface ReadinessReport {
  ok: boolean;
  /** "ok", or why the database cannot be used. */
  database: string;
  /** "ok", or which migrations are pending / unknown. */
  migrations: string;
  version: string;
}

export async function checkReadiness(deps: Pick<ApiDeps, 'db' | 'config'>): Promise<ReadinessReport> {
  const health = await checkHealth(deps.db, deps.config.version);
  if (!health.ok)
    return { ok: false, database: health.database, migrations: 'unknown', version: health.version };
  try {
    const { pending, unknown } = await findMigrationStatus(deps.db);
    const problems = [
      ...(pending.length ? [`pending: ${pending.join(', ')}`] : []),
      ...(unknown.length ? [`unknown to this version: ${unknown.join(', ')}`] : []),
    ];
    return {
      ok: problems.length === 0,
      database: 'ok',
      migrations: problems.join('; ') || 'ok',
      version: health.version,
    };
  } catch (error) {
    const reason = String((error as Error).message)
      .trim()
      .split('\n')
      .at(-1);
    return { ok: false, database: 'ok', migrations: `cannot be read: ${reason}`, version: health.version };
  }
}
