/**
 * Drops graphql-js's "Did you mean …?" from a message: suggestions reveal the schema, which production
 * keeps to itself. Over HTTP Apollo's `hideSchemaDetailsFromClientErrors` (see sharedApolloOptions)
 * does this with this very expression; graphql-ws servers, which Apollo does not run, call this.
 */
export const hideSuggestions = (message: string): string => message.replace(/ ?Did you mean(.+?)\?$/, '');
