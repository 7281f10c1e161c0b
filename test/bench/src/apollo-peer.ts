import * as fs from 'node:fs';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';

/**
 * The plain peer: `@apollo/gateway` with its default settings behind `@apollo/server`'s standalone
 * server, on a supergraph file; its only addition is the trusted header every peer sends the subgraphs.
 * Usage: node apollo-peer.js <supergraph file> <port> <header name> <header value>
 */
async function main(): Promise<void> {
  const [file, port, header, value] = process.argv.slice(2);
  if (!file || !port || !header || !value) throw new Error('usage: apollo-peer <supergraph file> <port> <header name> <header value>');
  const gateway = new ApolloGateway({
    supergraphSdl: fs.readFileSync(file, 'utf8'),
    buildService: ({ url }) =>
      new RemoteGraphQLDataSource({
        url,
        willSendRequest: ({ request }) => {
          request.http?.headers.set(header, value);
        },
      }),
  });
  const server = new ApolloServer({ gateway });
  const { url } = await startStandaloneServer(server, { listen: { host: '127.0.0.1', port: Number(port) } });
  console.log(`[apollo] plain @apollo/gateway ready at ${url}`);
  const stop = () => {
    void server.stop().finally(() => process.exit(0));
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error: unknown) => {
  console.error('[apollo] cannot start:', error);
  process.exit(1);
});
