// Stand-in for the `server-only` marker package in tests (Next.js makes it empty on the server).
export {};
