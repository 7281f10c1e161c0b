import { readGatewaySettings } from '@federess/config';
import { runServer } from '@federess/server-kit';
import { createServer } from './server';

runServer('gateway', () => createServer(readGatewaySettings()));
