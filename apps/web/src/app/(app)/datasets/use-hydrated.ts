'use client';

import { useEffect, useState } from 'react';

/** False in the server HTML and until React has attached its handlers, so controls can stay disabled until they work. */
export function useHydrated(): boolean {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}
