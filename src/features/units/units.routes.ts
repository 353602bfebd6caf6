import type { App, AppDeps } from '../../server/http.js';

export async function unitsRoutes(_app: App, _deps: AppDeps) {}
