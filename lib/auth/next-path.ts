// Where to go after sign-in: a path on this site only. The candidate is resolved as a URL against
// the site's origin and accepted only when it stays on that origin — after refusing control
// characters and backslashes anywhere, because browsers drop tabs and newlines and read `\` as `/`
// (`/\t/evil.example` and `/\evil.example` both become `//evil.example`). One helper for the
// server (pages, the demo route) and the browser (the sign-in form).

const UNSAFE = /[\u0000-\u001f\u007f\\]/;

export function safeNextPath(next: string | null | undefined, origin = 'http://localhost'): string {
  if (!next || !next.startsWith('/') || UNSAFE.test(next)) return '/';
  let base: URL;
  let url: URL;
  try {
    base = new URL(origin);
    url = new URL(next, base);
  } catch {
    return '/';
  }
  if (url.origin !== base.origin) return '/';
  return `${url.pathname}${url.search}${url.hash}`;
}
