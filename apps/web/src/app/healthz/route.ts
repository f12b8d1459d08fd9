// Liveness: the dashboard's server answers. Nothing else is checked (GET /readyz asks the API).
export const dynamic = 'force-dynamic';

export function GET() {
  return Response.json({ ok: true }, { headers: { 'cache-control': 'no-store' } });
}
