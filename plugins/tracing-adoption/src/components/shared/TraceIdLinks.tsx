import { Link } from '@backstage/core-components';

/** Example traces as short ids, linked into their source's UI where one is known. */
export function TraceIdLinks({
  traceIds,
  links,
}: {
  traceIds: string[];
  links: Record<string, string>;
}) {
  if (traceIds.length === 0) {
    return <>—</>;
  }
  return (
    <>
      {traceIds.map((id, index) => (
        <span key={id}>
          {index > 0 && ', '}
          {links[id] ? (
            <Link to={links[id]}>{id.slice(0, 8)}…</Link>
          ) : (
            <code title={id}>{id.slice(0, 8)}…</code>
          )}
        </span>
      ))}
    </>
  );
}
