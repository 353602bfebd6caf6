import type { App, AppDeps } from '../../server/http.js';

export async function cadresRoutes(_app: App, _deps: AppDeps) {}
