import type { ApolloServer, BaseContext } from '@apollo/server';
import type { Express, Request, Response } from 'express';
import { GraphQueryError, queryGraph } from '../graph-query';

/**
 * The links in subscription mails, served by the gateway through its own graph:
 * `GET /subscriptions/confirm?token=…` shows a button and `POST` to the same address
 * confirms (the double opt-in); `GET /unsubscribe?token=…` shows a button, and
 * `POST /unsubscribe?token=…` ends the subscription at once: RFC 8058 one-click, which mail
 * clients send with the body `List-Unsubscribe=One-Click`. A GET never changes anything: mail
 * scanners that follow every link can neither confirm nor unsubscribe anyone. The pages'
 * texts are fixed: nothing a client sent is written into them.
 */
export function mountSubscriptionLinks<T extends BaseContext>(
  app: Express,
  apollo: ApolloServer<T>,
  anonymousContext: T,
  log: (message: string, error: unknown) => void,
): void {
  const token = (req: Request): string | null =>
    typeof req.query.token === 'string' && req.query.token.length <= 200 ? req.query.token : null;

  const page = (res: Response, status: number, title: string, text: string, form = '') => {
    res
      .status(status)
      .setHeader(
        'content-security-policy',
        "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'",
      )
      .setHeader('cache-control', 'no-store')
      .setHeader('referrer-policy', 'no-referrer')
      .type('text/html; charset=utf-8')
      .send(
        `<!doctype html><html lang="fi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${title}</title></head>` +
          `<body style="font-family:sans-serif;max-width:36em;margin:3em auto"><h1>${title}</h1><p>${text}</p>${form}</body></html>`,
      );
  };

  const run = async (res: Response, mutation: string, t: string | null) => {
    if (!t) {
      page(
        res,
        400,
        'Linkki ei kelpaa',
        'Linkistä puuttuu tunniste. Avaa linkki sellaisenaan viestistä.',
      );
      return null;
    }
    try {
      return await queryGraph<Record<string, unknown>, T>(apollo, anonymousContext, mutation, {
        t,
      });
    } catch (error) {
      if (
        error instanceof GraphQueryError &&
        ['BAD_USER_INPUT', 'NOT_FOUND'].includes(String(error.code))
      ) {
        page(res, 404, 'Linkki ei ole voimassa', 'Tilausta ei löytynyt: se on ehkä jo peruttu.');
        return null;
      }
      log('[gateway] subscription link failed', error);
      page(res, 503, 'Yritä hetken päästä uudelleen', 'Palvelu ei juuri nyt vastaa.');
      return null;
    }
  };

  /** A GET that changes nothing: the page's one button POSTs back to the same address. */
  const buttonPage = (path: string, title: string, text: string, form: string) => {
    app.get(path, (req, res) => {
      if (!token(req)) {
        page(res, 400, 'Linkki ei kelpaa', 'Linkistä puuttuu tunniste.');
        return;
      }
      page(res, 200, title, text, form);
    });
  };

  buttonPage(
    '/subscriptions/confirm',
    'Vahvista tilaus',
    'Vahvista, että haluat tiedotteet tähän sähköpostiosoitteeseen.',
    '<form method="post"><button type="submit">Vahvista tilaus</button></form>',
  );

  app.post('/subscriptions/confirm', async (req, res) => {
    const done = await run(
      res,
      'mutation ($t: String!) { confirmSubscription(token: $t) { id } }',
      token(req),
    );
    if (done)
      page(
        res,
        200,
        'Tilaus vahvistettu',
        'Kiitos! Saat jatkossa valitsemiesi aiheiden tiedotteet.',
      );
  });

  buttonPage(
    '/unsubscribe',
    'Peru tilaus',
    'Tilaus päättyy ja sähköpostiosoitteesi poistetaan.',
    '<form method="post"><input type="hidden" name="List-Unsubscribe" value="One-Click"><button type="submit">Peru tilaus</button></form>',
  );

  app.post('/unsubscribe', async (req, res) => {
    const done = await run(res, 'mutation ($t: String!) { unsubscribe(token: $t) }', token(req));
    if (!done) return;
    if (done.unsubscribe === false) {
      page(res, 404, 'Linkki ei ole voimassa', 'Tilausta ei löytynyt: se on ehkä jo peruttu.');
      return;
    }
    page(res, 200, 'Tilaus peruttu', 'Tilaus on päättynyt ja osoitteesi on poistettu.');
  });
}
