interface RouteLayer {
  readonly route?: { readonly path: unknown; readonly methods: Readonly<Record<string, boolean>> };
}

interface ExpressApp {
  readonly router?: { readonly stack: readonly RouteLayer[] };
}

interface Route {
  readonly pattern: RegExp;
  readonly methods: readonly string[];
}

const routesByApp = new WeakMap<object, readonly Route[]>();

const escape = (text: string) => text.replace(/[.+?^$()[\]\\|]/g, '\\$&');

/** `/v1/documents/:documentId` as a pattern for one concrete path; `*rest` matches the remainder. */
function patternOf(path: string): RegExp {
  const source = escape(path)
    .replace(/:[A-Za-z_$][\w$]*/g, '[^/]+')
    .replace(/\*[A-Za-z_$][\w$]*/g, '.*')
    .replace(/\{/g, '(?:')
    .replace(/\}/g, ')?');
  return new RegExp(`^${source}/?$`, 'i');
}

function routesOf(app: ExpressApp): readonly Route[] {
  const cached = routesByApp.get(app);
  if (cached) return cached;
  const routes = (app.router?.stack ?? []).flatMap((layer) => {
    const route = layer.route;
    // A catch-all (the UI's fallback) says nothing about which methods a particular path serves.
    if (!route || typeof route.path !== 'string' || route.path.includes('*')) return [];
    return [{ pattern: patternOf(route.path), methods: Object.keys(route.methods).map((method) => method.toUpperCase()) }];
  });
  // Routes are all registered before the first request is answered, so the table never changes afterwards.
  if (routes.length > 0) routesByApp.set(app, routes);
  return routes;
}

/** The methods some route serves at this path, for the Allow header of a 405; empty when no route has the path. */
export function allowedMethods(app: ExpressApp, path: string): string[] {
  const methods = new Set(routesOf(app).filter((route) => route.pattern.test(path)).flatMap((route) => route.methods));
  if (methods.has('GET')) methods.add('HEAD');
  return [...methods].sort();
}
