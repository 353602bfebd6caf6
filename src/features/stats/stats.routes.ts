import type { App, AppDeps } from '../../server/http.js';

export async function statsRoutes(_app: App, _deps: AppDeps) {}
