import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
  StructuredMetadataTable,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { Box, Grid, Typography } from '@material-ui/core';
import {
  ObjectiveResult,
  ObjectiveStatus,
  OperationHealth,
  OperationHealthDay,
} from '@internal/plugin-tracing-adoption-common';
import useAsync from 'react-use/esm/useAsync';
import { tracingAdoptionApiRef } from '../../api/TracingAdoptionApi';
import { DailyChart } from '../shared/DailyChart';
import { milliseconds, percent } from '../shared/rolloutLabels';
import { ObjectivesStatusChip } from '../shared/Tone';
import { TraceIdLinks } from '../shared/TraceIdLinks';

const ms = (value: number) => milliseconds(value * 1000);

const OBJECTIVE_LABELS: Record<ObjectiveStatus, string> = {
  met: 'met',
  missed: 'missed',
  'no-data': 'no data',
};

function objective(
  result: ObjectiveResult | undefined,
  format: (value: number) => string,
): string {
  if (!result) {
    return 'none';
  }
  const measured =
    result.actual === undefined ? '' : ` (now ${format(result.actual)})`;
  return `≤ ${format(result.objective)}: ${
    OBJECTIVE_LABELS[result.status]
  }${measured}`;
}

function figures(
  health: OperationHealth,
  traceLinks: Record<string, string>,
): Record<string, string | JSX.Element> {
  const { latency, topLatencyService, topErrorService } = health;
  return {
    'p50 / p95 / p99': latency
      ? [latency.p50Ms, latency.p95Ms, latency.p99Ms].map(ms).join(' / ')
      : 'no matching traces',
    'error rate':
      health.errorRate === undefined
        ? 'no matching traces'
        : `${percent(health.errorRate)} (${health.failedRequests} of ${
            health.matchingTraces
          } requests failed)`,
    'p99 objective': objective(health.objectives.latencyP99Ms, ms),
    // the objective is a percentage already, the actual value too
    'error rate objective': objective(
      health.objectives.errorRatePercent,
      value => `${value} %`,
    ),
    'most latency': topLatencyService
      ? `${topLatencyService.service}: ${percent(
          topLatencyService.share,
        )} of the critical path, ${ms(
          topLatencyService.msPerRequest,
        )} per request`
      : 'none',
    'most errors': topErrorService ? (
      <>
        {topErrorService.service}: {topErrorService.errorSources} errors started
        there, in {topErrorService.tracesWithErrorSource} traces.{' '}
        <TraceIdLinks
          traceIds={topErrorService.exampleTraceIds}
          links={traceLinks}
        />
      </>
    ) : (
      'none'
    ),
  };
}

function latestCaption(
  history: OperationHealthDay[],
  describe: (day: OperationHealthDay) => string,
): string {
  const latest = history[history.length - 1];
  return latest ? `${latest.day}: ${describe(latest)}` : 'No history yet';
}

const History = ({ history }: { history: OperationHealthDay[] }) => {
  const errorPercents = history.map(day => ({
    day: day.day,
    errorPercent: day.errorRate === undefined ? undefined : day.errorRate * 100,
  }));
  return (
    <Grid container spacing={2}>
      <Grid item xs={12} md={6}>
        <DailyChart
          title="Daily p99 latency"
          caption={latestCaption(history, day =>
            day.p99Ms === undefined ? 'no traces' : `p99 ${ms(day.p99Ms)}`,
          )}
          data={history}
          series={[{ key: 'p99Ms', name: 'p99 (ms)', color: 'primary' }]}
          height={160}
        />
      </Grid>
      <Grid item xs={12} md={6}>
        <DailyChart
          title="Daily error rate"
          caption={latestCaption(history, day =>
            day.errorRate === undefined
              ? 'no traces'
              : `${percent(day.errorRate)} errors`,
          )}
          data={errorPercents}
          series={[{ key: 'errorPercent', name: 'errors (%)', color: 'error' }]}
          height={160}
        />
      </Grid>
    </Grid>
  );
};

/**
 * An operation's latency and errors against its objectives, with the
 * services to look at first and the daily trend.
 */
export const OperationHealthCard = ({
  operationId,
  traceLinks,
}: {
  operationId: string;
  traceLinks: Record<string, string>;
}) => {
  const api = useApi(tracingAdoptionApiRef);
  const { value, loading, error } = useAsync(
    () => api.getOperationHealth(operationId),
    [api, operationId],
  );
  if (loading) {
    return (
      <InfoCard title="Operation health">
        <Progress />
      </InfoCard>
    );
  }
  if (error) {
    return <ResponseErrorPanel title="Operation health" error={error} />;
  }
  const current = value?.current;
  return (
    <InfoCard
      title="Operation health"
      subheader={
        value?.evaluatedAt &&
        `Evaluated ${new Date(value.evaluatedAt).toLocaleString()}`
      }
    >
      {current ? (
        <>
          <Box mb={1}>
            <ObjectivesStatusChip status={current.objectivesStatus} />
          </Box>
          <StructuredMetadataTable
            dense
            metadata={figures(current, traceLinks)}
          />
          <History history={value.history} />
        </>
      ) : (
        <Typography>
          No health yet: figures appear once the operation&apos;s traces were
          analysed.
        </Typography>
      )}
    </InfoCard>
  );
};
