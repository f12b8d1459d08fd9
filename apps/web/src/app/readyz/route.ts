import { env } from '@/env';
import { checkApiReadiness } from '@/lib/ops/api-readiness';

export const dynamic = 'force-dynamic';

export async function GET() {
  const { status, body } = await checkApiReadiness(env.DERMINO_API_URL);
  return Response.json(body, { status, headers: { 'cache-control': 'no-store' } });
}
