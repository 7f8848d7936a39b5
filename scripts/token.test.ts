import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { EnvReader } from '../subgraphs/core/env';
import { createAuthenticator, readAuthConfig } from '../subgraphs/core/identity';
import { tokenClaims } from './token';

const AREA = '7c4ca48c-de40-45ac-b3da-a540793a0b60';
const ASSOCIATION = '0f6d7f43-4c1b-4d3e-9a57-5b7f3f4a1c22';

describe('npm run token', () => {
  it('prints only a token that the hub accepts with the asked-for identity', async () => {
    const run = promisify(execFile);
    const { stdout } = await run(
      process.execPath,
      [
        '--require',
        '@swc-node/register',
        'scripts/token.ts',
        '--role',
        'staff',
        '--service-area',
        AREA,
      ],
      { env: { ...process.env, AUTH_DEV_SECRET: '' } },
    );
    expect(stdout).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+\n$/);
    const authenticate = createAuthenticator(readAuthConfig(new EnvReader('test', {}), false));
    expect(await authenticate(`Bearer ${stdout.trim()}`)).toEqual({
      role: 'staff',
      subject: 'dev-staff',
      associationIds: [],
      serviceAreaIds: [AREA],
      scopes: [],
      email: null,
    });
  });

  it('reads repeated options and checks them', () => {
    expect(
      tokenClaims(['--role', 'representative', '--association', ASSOCIATION, '--expires', '30m']),
    ).toEqual({
      role: 'representative',
      associationIds: [ASSOCIATION],
      serviceAreaIds: [],
      subject: undefined,
      expiresIn: '30m',
    });
    expect(
      tokenClaims(['--role', 'staff', '--scope', 'dataprotection', '--email', 'dpo@lahti.fi']),
    ).toMatchObject({ role: 'staff', scopes: ['dataprotection'], email: 'dpo@lahti.fi' });
    expect(() => tokenClaims(['--role', 'anonymous'])).toThrow('--role must be');
    expect(() => tokenClaims(['--role', 'representative'])).toThrow('at least one --association');
    expect(() => tokenClaims(['--role', 'staff', '--service-area', 'x'])).toThrow('not an id');
    expect(() => tokenClaims(['--role', 'admin', '--expires', 'soon'])).toThrow('--expires');
  });
});
