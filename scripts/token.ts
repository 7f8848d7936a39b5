import { parseArgs } from 'node:util';
import { EnvReader } from '../subgraphs/core/env';
import { isUuid } from '../subgraphs/core/ids';
import { type DevTokenClaims, readAuthConfig, signDevToken } from '../subgraphs/core/identity';
import { runCommand } from './cli';

const USAGE = `usage: npm run -s token -- --role <representative|staff|admin> [options]

  --association <id>    an association a representative acts for (repeatable)
  --service-area <id>   a service area a staff member works in (repeatable)
  --subject <sub>       the token's subject (default dev-<role>)
  --scope <word>        an OAuth scope (repeatable): gdprquery, gdprdelete, dataprotection
  --email <address>     a verified email address (personal data is found by it)
  --expires <span>      lifetime, e.g. 8h, 30m, 7d (default 8h)

Prints only the token, signed with the dev secret (AUTH_DEV_SECRET or the built-in one),
so scripts can use it: TOKEN=$(npm run -s token -- --role admin)`;

/** Builds the claims from command-line arguments; throws a message meant for a person. */
export function tokenClaims(args: string[]): DevTokenClaims {
  const { values } = parseArgs({
    args,
    options: {
      role: { type: 'string' },
      association: { type: 'string', multiple: true },
      'service-area': { type: 'string', multiple: true },
      subject: { type: 'string' },
      scope: { type: 'string', multiple: true },
      email: { type: 'string' },
      expires: { type: 'string' },
    },
    strict: true,
  });
  const role = values.role;
  if (role !== 'representative' && role !== 'staff' && role !== 'admin') {
    throw new Error('--role must be representative, staff or admin');
  }
  const associationIds = values.association ?? [];
  const serviceAreaIds = values['service-area'] ?? [];
  for (const id of [...associationIds, ...serviceAreaIds]) {
    if (!isUuid(id)) throw new Error(`"${id}" is not an id (UUID)`);
  }
  if (role === 'representative' && associationIds.length === 0) {
    throw new Error('a representative needs at least one --association');
  }
  if (values.expires && !/^\d+[smhd]$/.test(values.expires)) {
    throw new Error('--expires must look like 30m, 8h or 7d');
  }
  return {
    role,
    associationIds,
    serviceAreaIds,
    subject: values.subject,
    scopes: values.scope,
    email: values.email,
    expiresIn: values.expires,
  };
}

async function main(args: string[]): Promise<number> {
  if (args.includes('--help')) {
    process.stderr.write(`${USAGE}\n`);
    return 0;
  }
  let claims: DevTokenClaims;
  try {
    claims = tokenClaims(args);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  const reader = new EnvReader('token', process.env);
  const production = reader.string('NODE_ENV', 'development') === 'production';
  const { auth } = reader.done({ auth: readAuthConfig(reader, production) });
  if (!auth.devSecret) {
    process.stderr.write('No dev secret: with AUTH_JWKS_URL set, tokens come from the issuer.\n');
    return 2;
  }
  process.stdout.write(`${await signDevToken(auth, claims)}\n`);
  return 0;
}

// Imported by its test for tokenClaims; run only as the command.
if (require.main === module) runCommand(main);
