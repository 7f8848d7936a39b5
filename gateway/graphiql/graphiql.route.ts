import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadExamples } from '../examples/examples';

/**
 * GraphiQL at /graphiql from the project's own bundle (`npm run build` makes it), and `/`
 * redirecting there. The Content-Security-Policy lets the page load and connect to its own
 * origin only: nothing can come from a CDN, whatever a dependency might try.
 */
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'self'",
].join('; ');

const PAGE = `<!doctype html>
<html lang="fi">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>GraphiQL · city–association hub</title>
    <link rel="stylesheet" href="/graphiql/graphiql.css" />
    <style>html, body, #graphiql { height: 100%; margin: 0; } .graphiql-tab-button { max-width: none; overflow: visible; } .graphiql-tab { max-width: none; }</style>
  </head>
  <body>
    <div id="graphiql">Loading GraphiQL…</div>
    <script src="/graphiql/app.js"></script>
  </body>
</html>
`;

/**
 * A browser opening /graphql (a page, no query) is sent to GraphiQL: Apollo's own landing
 * page would load from a CDN. Clients asking for JSON, or sending a query, go on to Apollo.
 */
export function browsersToGraphiQL(req: Request, res: Response, next: NextFunction): void {
  const page = req.accepts(['application/graphql-response+json', 'application/json', 'text/html']);
  if (page === 'text/html' && req.query.query === undefined && req.query.extensions === undefined) {
    res.redirect(302, '/graphiql');
    return;
  }
  next();
}

export function mountGraphiQL(app: Express, assetsDir: string): void {
  app.get('/', (_req, res) => res.redirect(302, '/graphiql'));
  app.get('/graphiql', (_req, res) => {
    if (!existsSync(join(assetsDir, 'app.js'))) {
      res
        .status(503)
        .type('text/plain')
        .send(`GraphiQL is not built: run \`npm run build\` (looked in ${assetsDir}).\n`);
      return;
    }
    res.setHeader('content-security-policy', CSP);
    res.type('html').send(PAGE);
  });
  app.get('/graphiql/examples.json', (_req, res) => {
    // Resolved per request: "this week" and "next Tuesday" are relative to today.
    res.setHeader('cache-control', 'no-cache');
    res.json(
      loadExamples().map(({ audience, title, query, variables }) => ({
        audience,
        title,
        query,
        variables,
      })),
    );
  });
  app.use('/graphiql', express.static(assetsDir, { index: false, maxAge: '1h' }));
}
