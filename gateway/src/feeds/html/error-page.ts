import { html } from './escape';

const TITRES: Readonly<Record<number, string>> = {
  400: 'Adresse incorrecte',
  401: 'Accès refusé',
  404: 'Page introuvable',
  405: 'Méthode non permise',
  429: 'Trop de requêtes',
  503: 'Service momentanément indisponible',
};

/** The page a browser gets instead of a feed or page that cannot be served. */
export function errorPage(status: number, message: string): string {
  const titre = TITRES[status] ?? 'Erreur';
  return `<!DOCTYPE html>
<html lang="fr">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${html(titre)}</title><meta name="robots" content="noindex"></head>
<body><main><h1>${html(titre)}</h1><p>${html(message)}</p></main></body>
</html>
`;
}
