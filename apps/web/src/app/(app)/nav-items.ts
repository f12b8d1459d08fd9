import type { Role } from '@/lib/auth/current-user';

export interface NavItem {
  href: string;
  label: string;
  roles: readonly Role[];
}

const ALL_ROLES: readonly Role[] = ['ADMIN', 'MANAGER', 'DATA', 'CLINICIAN'];

// Only pages that exist are listed; issue 8 adds overview, models, bias, drift, jobs, datasets and curation here.
export const NAV_ITEMS: readonly NavItem[] = [{ href: '/cases', label: 'Cases', roles: ALL_ROLES }];

export function navItemsFor(role: Role): NavItem[] {
  return NAV_ITEMS.filter((item) => item.roles.includes(role));
}
