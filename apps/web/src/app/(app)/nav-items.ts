import type { Role } from '@/lib/auth/current-user';

export interface NavItem {
  href: string;
  label: string;
  roles: readonly Role[];
}

const ALL_ROLES: readonly Role[] = ['ADMIN', 'MANAGER', 'DATA', 'CLINICIAN'];

const MANAGERS: readonly Role[] = ['ADMIN', 'MANAGER'];
const DATA_TEAM: readonly Role[] = ['ADMIN', 'DATA'];

/**
 * The pages, and who may open them (the API enforces the same on every field; a page of another role answers
 * 403 through `requireRole`).
 */
export const NAV_ITEMS: readonly NavItem[] = [
  { href: '/overview', label: 'Overview', roles: MANAGERS },
  { href: '/models', label: 'Models', roles: MANAGERS },
  { href: '/bias', label: 'Bias', roles: MANAGERS },
  { href: '/drift', label: 'Drift', roles: MANAGERS },
  { href: '/jobs', label: 'Jobs', roles: ['ADMIN', 'MANAGER', 'DATA'] },
  { href: '/datasets', label: 'Datasets', roles: DATA_TEAM },
  { href: '/curation', label: 'Curation', roles: DATA_TEAM },
  { href: '/embeddings', label: 'Embedding map', roles: DATA_TEAM },
  { href: '/cases', label: 'Cases', roles: ALL_ROLES },
  { href: '/predict', label: 'New image', roles: ['ADMIN', 'CLINICIAN'] },
  { href: '/answer-key', label: 'Demo answer key', roles: ['ADMIN'] },
  { href: '/label', label: 'Label', roles: ['ADMIN', 'CLINICIAN', 'DATA'] },
];

/** The roles that may open a page (the nav item whose href is the longest prefix of the path). */
export function rolesFor(pathname: string): readonly Role[] | null {
  const match = NAV_ITEMS.filter((item) => pathname === item.href || pathname.startsWith(`${item.href}/`)).sort((a, b) => b.href.length - a.href.length)[0];
  return match?.roles ?? null;
}

export function navItemsFor(role: Role): NavItem[] {
  return NAV_ITEMS.filter((item) => item.roles.includes(role));
}
