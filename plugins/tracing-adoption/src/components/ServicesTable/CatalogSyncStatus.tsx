import { WarningPanel } from '@backstage/core-components';
import { JobRun } from '@internal/plugin-tracing-adoption-common';
import Typography from '@material-ui/core/Typography';

function describeSummary(summary: JobRun['summary']): string {
  if (!summary) {
    return '';
  }
  const { services, teams, systems, skippedEntities } = summary as Record<
    string,
    number | undefined
  >;
  const skipped = skippedEntities
    ? `, ${skippedEntities} entities skipped (see backend log)`
    : '';
  return `${services ?? 0} services, ${teams ?? 0} teams, ${
    systems ?? 0
  } systems${skipped}`;
}

/** Tells readers how fresh the catalog mirror behind the table is. */
export const CatalogSyncStatus = ({ run }: { run?: JobRun }) => {
  if (!run) {
    return (
      <Typography variant="body2" paragraph>
        The catalog has not been synced yet; the first sync runs a few seconds
        after the backend starts.
      </Typography>
    );
  }
  if (run.status === 'failed') {
    return (
      <WarningPanel
        severity="warning"
        title="The last catalog sync failed; showing the previous result"
        message={`${run.error ?? 'unknown error'} (started ${new Date(
          run.startedAt,
        ).toLocaleString()})`}
      />
    );
  }
  return (
    <Typography variant="body2" paragraph>
      {run.status === 'running'
        ? `Catalog sync running since ${new Date(
            run.startedAt,
          ).toLocaleString()}.`
        : `Catalog synced ${new Date(
            run.finishedAt ?? run.startedAt,
          ).toLocaleString()}: ${describeSummary(run.summary)}.`}
    </Typography>
  );
};
