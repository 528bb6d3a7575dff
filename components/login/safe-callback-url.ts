// Where to go after signing in. Only paths on this site are allowed, so a crafted link cannot send
// someone elsewhere after they type their password (open redirect).

export function safeCallbackUrl(raw: string | string[] | undefined): string {
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (!value) return '/';
  let path = value;
  if (/^https?:\/\//i.test(value)) {
    // next-auth often passes an absolute URL; keep only its path, which is always on our origin.
    try {
      const url = new URL(value);
      path = `${url.pathname}${url.search}${url.hash}`;
    } catch {
      return '/';
    }
  }
  if (!path.startsWith('/') || path.startsWith('//') || path.startsWith('/\\')) return '/';
  if (path === '/login' || path.startsWith('/login?') || path.startsWith('/login/')) return '/';
  return path;
}
