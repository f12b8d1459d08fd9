import { redirect } from 'next/navigation';

// Every role starts on the cases list for now; issue 8 gives managers and data teams their own home pages.
export default function HomePage() {
  redirect('/cases');
}
