import { readCommonSettings } from '@federess/config';
import { signToken } from '../sign';
import { parseArguments, USAGE, UsageError } from './arguments';

/**
 * `pnpm token …`: prints a token for the local hub. It signs only with an HS256 secret of a
 * development-mode hub (the development secret unless FEDERESS_JWT_SECRET says otherwise):
 * production tokens come from the network's identity provider, not from a command line.
 */
async function main(): Promise<number> {
  const settings = readCommonSettings();
  let request;
  try {
    request = parseArguments(process.argv.slice(2), settings.auth.maxTokenLifetimeSeconds);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    if (error.message) console.error(`Erreur : ${error.message}\n`);
    console.error(USAGE);
    return error.message ? 2 : 0;
  }
  if (settings.mode === 'production') {
    console.error(
      'Erreur : pnpm token signe des jetons pour le hub local ; en production (FEDERESS_MODE=production) les jetons viennent du fournisseur d’identité.',
    );
    return 2;
  }
  if (settings.auth.jwt.kind !== 'secret') {
    console.error('Erreur : le hub vérifie les jetons avec une clé publique (RS256) ; pnpm token ne signe qu’avec un secret HS256.');
    return 2;
  }
  console.log(await signToken(settings.auth.jwt.secret, { ...request, issuer: settings.auth.issuer, audience: settings.auth.audience }));
  return 0;
}

main().then(
  (status) => {
    process.exitCode = status;
  },
  (error: unknown) => {
    console.error(`Erreur : ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
