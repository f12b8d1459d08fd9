import type { DbClient } from '../client.js';
import type { Role } from '../client.js';
import { hashPassword } from '../passwords.js';

export const DEMO_PASSWORD = 'dermino-demo';

export const DEMO_USERS: { email: string; name: string; role: Role }[] = [
  { email: 'admin@dermino.local', name: 'Ada Admin', role: 'ADMIN' },
  { email: 'manager@dermino.local', name: 'Mira Manager', role: 'MANAGER' },
  { email: 'data@dermino.local', name: 'Dara Data', role: 'DATA' },
  { email: 'clinician@dermino.local', name: 'Cleo Clinician', role: 'CLINICIAN' },
];

/** Demo accounts for a local registry; `npm start` prints them. */
export async function seedDemoUsers(db: DbClient): Promise<void> {
  for (const user of DEMO_USERS) {
    const existing = await db.user.findUnique({ where: { email: user.email }, select: { id: true } });
    if (existing) continue;
    await db.user.create({ data: { ...user, passwordHash: await hashPassword(DEMO_PASSWORD) } });
  }
}
