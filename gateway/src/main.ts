import { readGatewaySettings } from '@federess/config';
import { runServer } from '@federess/server-kit';
import { createServer } from './server';

const settings = readGatewaySettings();
runServer('gateway', () => createServer(settings), '', settings);
