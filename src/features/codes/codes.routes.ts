import type { App, AppDeps } from '../../server/http.js';

export async function codesRoutes(_app: App, _deps: AppDeps) {}
