// Next.js calls register() once per server instance, before any request.
// @shopfront/tracing is the organisation's tracing library: it wraps the
// OpenTelemetry Node SDK and configures exporter, sampler and resource
// attributes (service.name from package.json, team from the catalog)
// by itself, so nothing else needs to be set here.
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    await import('@shopfront/tracing/register');
  }
}
