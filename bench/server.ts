// The server under test, as its own process so its memory is measured apart from the generator:
// the real app (buildApp) on 127.0.0.1 plus a bare /hello route, the ceiling of this machine.
// Prints {"port": N} on its first line of output once it listens.
import { databaseTarget } from '../src/config.js';
import { openDatabase } from '../src/db/database.js';
import { buildApp } from '../src/server/app.js';

const opened = openDatabase(databaseTarget(process.env.DATABASE_URL));
const app = await buildApp({ db: opened.db, dialect: opened.dialect, now: () => new Date(), cookieSecure: false });
app.get('/hello', { config: { permission: 'public' }, schema: { hide: true } }, async () => ({ hello: 'world' }));
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
process.stdout.write(`${JSON.stringify({ port: typeof address === 'object' && address ? address.port : 0 })}\n`);
const stop = async () => {
  await app.close();
  await opened.close();
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
