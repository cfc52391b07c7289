import {
  Content,
  Header,
  InfoCard,
  Page,
  Progress,
  ResponseErrorPanel,
  StructuredMetadataTable,
  Table,
  TableColumn,
  WarningPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import {
  ObservedOperation,
  OperationParticipant,
  OperationUninstrumentedHop,
} from '@internal/plugin-tracing-adoption-common';
import Grid from '@material-ui/core/Grid';
import { useParams } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import { tracingAdoptionApiRef } from '../../api/TracingAdoptionApi';
import { TraceIdLinks } from '../shared/TraceIdLinks';

const ms = (us: number) => `${(us / 1000).toFixed(1)} ms`;
const perRequest = (mean: number) => mean.toFixed(2);

function participantColumns(): TableColumn<OperationParticipant>[] {
  return [
    { title: 'Service', field: 'service', highlight: true },
    {
      title: 'Status',
      field: 'emitsSpans',
      render: p => {
        if (p.kind === 'datastore') return 'datastore';
        if (p.startsNewTrace) return 'broken propagation (starts new traces)';
        if (!p.emitsSpans) return 'uninstrumented (seen only as a callee)';
        return 'instrumented';
      },
    },
    {
      title: 'Calls per request (fan-out)',
      field: 'callsPerRequestMean',
      render: p =>
        `${perRequest(p.callsPerRequestMean)} ± ${perRequest(
          p.callsPerRequestStdDev,
        )} (min ${p.callsPerRequestMin}, max ${p.callsPerRequestMax})`,
    },
    { title: 'Traces with it', field: 'tracesWithService', type: 'numeric' },
    {
      title: 'Tracing SDKs',
      field: 'sdks',
      render: p =>
        p.sdks.length
          ? p.sdks
              .map(s =>
                [s.name, s.language, s.version].filter(Boolean).join(' '),
              )
              .join('; ')
          : '—',
    },
    {
      title: 'Legacy conventions',
      field: 'legacyConventions',
      render: p =>
        p.legacyConventions.length ? p.legacyConventions.join(', ') : '—',
    },
  ];
}

function OperationDetails({ data }: { data: ObservedOperation }) {
  const { summary, analysis, traceLinks } = data;
  const hopColumns: TableColumn<OperationUninstrumentedHop>[] = [
    { title: 'Caller', field: 'callerService', highlight: true },
    { title: 'Callee (as the caller names it)', field: 'calleeName' },
    {
      title: 'Named by',
      field: 'calleeAttributes',
      render: h => h.calleeAttributes.join(', ') || '—',
    },
    {
      title: 'Calls per request',
      field: 'callsPerRequestMean',
      render: h => perRequest(h.callsPerRequestMean),
    },
    {
      title: 'Answered in a new trace',
      field: 'callsAnsweredInNewTrace',
      type: 'numeric',
    },
    {
      title: 'Example traces',
      field: 'exampleTraceIds',
      render: h => (
        <TraceIdLinks traceIds={h.exampleTraceIds} links={traceLinks} />
      ),
    },
  ];
  const broken = analysis.brokenPropagation;

  return (
    <Grid container spacing={3}>
      {summary.stale && (
        <Grid item xs={12}>
          <WarningPanel
            severity="warning"
            title="This analysis is stale"
            message={
              summary.staleSources.length
                ? `Sources not ok: ${summary.staleSources.join(
                    ', ',
                  )}. Showing the last good analysis.`
                : 'No new traces of this operation arrived recently. Showing the last good analysis.'
            }
          />
        </Grid>
      )}
      <Grid item xs={12} md={6}>
        <InfoCard title="Sample">
          <StructuredMetadataTable
            metadata={{
              'entry service': summary.entryService,
              'entry span': summary.spanName ?? '(any)',
              'sampled traces of this operation':
                analysis.sample.matchingTraces,
              'traces in the analysis window': analysis.sample.tracesInWindow,
              window: `${
                summary.windowStart
                  ? new Date(summary.windowStart).toLocaleString()
                  : '—'
              } – ${
                summary.windowEnd
                  ? new Date(summary.windowEnd).toLocaleString()
                  : '—'
              }`,
              'analysed at': new Date(summary.analyzedAt).toLocaleString(),
            }}
          />
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={6}>
        <InfoCard title="End to end">
          <StructuredMetadataTable
            metadata={{
              'reaches from the edge': analysis.endToEnd.reachesFromEdge
                ? `yes, in ${analysis.endToEnd.tracesReachingFromEdge} of ${analysis.sample.matchingTraces} traces`
                : 'no',
              'blocking services': analysis.endToEnd.blockingServices.length
                ? analysis.endToEnd.blockingServices
                    .map(b => `${b.service} (${b.reasons.join(', ')})`)
                    .join('; ')
                : 'none',
              'entry error rate':
                analysis.errors.entryErrorRate === undefined
                  ? '—'
                  : `${(analysis.errors.entryErrorRate * 100).toFixed(1)} % (${
                      analysis.errors.failedEntrySpans
                    } traces)`,
              'entry latency p50 / p95 / p99': analysis.latency.entry
                ? `${ms(analysis.latency.entry.p50Us)} / ${ms(
                    analysis.latency.entry.p95Us,
                  )} / ${ms(analysis.latency.entry.p99Us)} over ${
                    analysis.latency.entry.samples
                  } traces`
                : '—',
              'most self time': analysis.latency.selfTimeByService
                .slice(0, 3)
                .map(s => `${s.service} ${(s.share * 100).toFixed(0)} %`)
                .join(', '),
              'error sources': analysis.errors.sourcesByService.length
                ? analysis.errors.sourcesByService
                    .map(
                      e =>
                        `${e.service} (${e.errorSources} in ${e.tracesWithErrorSource} traces)`,
                    )
                    .join(', ')
                : 'none',
            }}
          />
        </InfoCard>
      </Grid>
      <Grid item xs={12}>
        <Table<OperationParticipant>
          title={`Participants (${analysis.participants.length})`}
          subtitle={`Fan-out is calls into the service per request, over ${analysis.sample.matchingTraces} sampled traces`}
          options={{ paging: false, search: false }}
          columns={participantColumns()}
          data={analysis.participants}
        />
      </Grid>
      <Grid item xs={12}>
        <Table<OperationUninstrumentedHop>
          title={`Uninstrumented hops (${analysis.uninstrumentedHops.length})`}
          subtitle="Client or producer spans no server or consumer span answers: the callee emits nothing"
          options={{ paging: false, search: false }}
          columns={hopColumns}
          data={analysis.uninstrumentedHops}
          emptyContent={
            <div style={{ padding: 16 }}>Every call is answered by a span.</div>
          }
        />
      </Grid>
      <Grid item xs={12}>
        <InfoCard title="Broken propagation">
          <StructuredMetadataTable
            metadata={{
              'callees starting new traces': broken.newTraces.length
                ? broken.newTraces
                    .map(
                      f =>
                        `${f.callerService} → ${f.calleeService} (${f.hopsAnsweredInNewTrace} calls in ${f.operationTraces} traces)`,
                    )
                    .join('; ')
                : 'none',
              'legacy flow ids shared by several traces': broken.sharedFlowIds
                .length
                ? broken.sharedFlowIds
                    .slice(0, 5)
                    .map(
                      f =>
                        `${f.flowId}: ${
                          f.traceCount
                        } traces, new traces started by ${
                          f.servicesStartingNewTraces.join(', ') || '—'
                        }`,
                    )
                    .join('; ')
                : 'none',
              'orphan root spans': broken.orphanRoots.length
                ? broken.orphanRoots
                    .map(o => `${o.service} (${o.orphanRoots})`)
                    .join(', ')
                : 'none',
            }}
          />
        </InfoCard>
      </Grid>
      <Grid item xs={12}>
        <InfoCard title="Example traces">
          <TraceIdLinks
            traceIds={analysis.sample.traceIds.slice(0, 20)}
            links={traceLinks}
          />
        </InfoCard>
      </Grid>
    </Grid>
  );
}

/** One operation's analysis: participants, gaps, propagation, errors, latency. */
export const ObservedOperationPage = () => {
  const { operationKey = '' } = useParams();
  const api = useApi(tracingAdoptionApiRef);
  const { value, loading, error } = useAsync(
    () => api.getObservedOperation(operationKey),
    [api, operationKey],
  );
  const [entryService, spanName] = operationKey.split('|');
  return (
    <Page themeId="tool">
      <Header
        title={spanName ?? operationKey}
        subtitle={`Entered through ${entryService}`}
      />
      <Content>
        {loading && <Progress />}
        {error && <ResponseErrorPanel error={error} />}
        {value && <OperationDetails data={value} />}
      </Content>
    </Page>
  );
};
