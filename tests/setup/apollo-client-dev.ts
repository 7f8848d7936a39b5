/**
 * Apollo Client's checks and warnings (among them "Cache data may be lost") run only in its
 * development mode, which its CommonJS build reads from `globalThis.__DEV__` once, when it
 * is first loaded: a test that watches for them imports this before `@apollo/client`.
 */
(globalThis as { __DEV__?: boolean }).__DEV__ = true;
