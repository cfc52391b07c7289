import {
  EmptyState,
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import {
  Box,
  Button,
  Grid,
  LinearProgress,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@material-ui/core';
import {
  CapacityOperationStatus,
  CapacityOperationSummary,
  CapacityTargets,
} from '@internal/plugin-tracing-adoption-common';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import {
  CapacityQuery,
  tracingAdoptionApiRef,
} from '../../api/TracingAdoptionApi';
import { optionalNumber } from '../shared/formText';
import { OperationLink } from '../shared/RolloutLinks';
import { requestsPerSecond } from '../shared/rolloutLabels';
import { CapacityTargetsTable } from './CapacityTargetsTable';

const UNTRACED: Record<Exclude<CapacityOperationStatus, 'traced'>, string> = {
  'not-traced': 'not traced yet',
  'no-matching-traces': 'its latest analysis found no matching trace',
};

/** The limits the backend enforces, checked here so a typo never reaches it. */
function safetyFactorProblem(value: number | undefined): string | undefined {
  if (value !== undefined && !(value >= 1 && value <= 100)) {
    return 'A number from 1 to 100';
  }
  return undefined;
}

function rateProblem(value: number | undefined): string | undefined {
  if (value !== undefined && !(value >= 0)) {
    return 'A number of requests/s ≥ 0';
  }
  return undefined;
}

function downloadBlob(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  URL.revokeObjectURL(url);
}

const WhatIfTable = ({
  operations,
  rates,
  onChange,
}: {
  operations: CapacityOperationSummary[];
  rates: Record<string, string>;
  onChange: (operationId: string, text: string) => void;
}) => (
  <Table size="small" aria-label="What-if rates">
    <TableHead>
      <TableRow>
        <TableCell>Operation</TableCell>
        <TableCell align="right">Planned peak rps</TableCell>
        <TableCell>What-if rps</TableCell>
        <TableCell align="right">Rate used</TableCell>
      </TableRow>
    </TableHead>
    <TableBody>
      {operations.map(operation => {
        const text = rates[operation.id] ?? '';
        const problem = rateProblem(optionalNumber(text));
        return (
          <TableRow key={operation.id}>
            <TableCell>
              <OperationLink operationId={operation.id} name={operation.name} />
            </TableCell>
            <TableCell align="right">
              {requestsPerSecond(operation.plannedPeakRequestsPerSecond)}
            </TableCell>
            <TableCell>
              <TextField
                size="small"
                value={text}
                placeholder={String(operation.plannedPeakRequestsPerSecond)}
                error={Boolean(problem)}
                helperText={problem}
                onChange={e => onChange(operation.id, e.target.value)}
                inputProps={{
                  'aria-label': `What-if rps of ${operation.name}`,
                  inputMode: 'decimal',
                }}
              />
            </TableCell>
            <TableCell align="right">
              {requestsPerSecond(operation.peakRequestsPerSecond)}
              {operation.whatIf && ' (what-if)'}
            </TableCell>
          </TableRow>
        );
      })}
    </TableBody>
  </Table>
);

const Targets = ({ targets }: { targets: CapacityTargets }) => {
  const untraced = targets.operations.filter(o => o.status !== 'traced');
  return (
    <>
      <Grid item xs={12}>
        <CapacityTargetsTable
          title={`Services (${targets.services.length})`}
          subtitle={`Target = expected × safety factor ${targets.safetyFactor}`}
          targets={targets.services}
          kind="service"
          emptyContent="No traced operation reaches a service yet."
        />
      </Grid>
      <Grid item xs={12}>
        <CapacityTargetsTable
          title={`Datastores (${targets.datastores.length})`}
          subtitle="Seen only through their callers' client spans"
          targets={targets.datastores}
          kind="datastore"
          emptyContent="No datastore calls in the traced operations."
        />
      </Grid>
      {untraced.length > 0 && (
        <Grid item xs={12}>
          <InfoCard
            title="Not in the targets"
            subheader="These operations add no load until their traces are analysed"
          >
            <ul aria-label="Operations not traced">
              {untraced.map(operation => (
                <li key={operation.id}>
                  <Typography variant="body2">
                    <OperationLink
                      operationId={operation.id}
                      name={operation.name}
                    />
                    : {UNTRACED[operation.status as keyof typeof UNTRACED]},{' '}
                    {requestsPerSecond(operation.peakRequestsPerSecond)} rps
                    unaccounted for
                  </Typography>
                </li>
              ))}
            </ul>
          </InfoCard>
        </Grid>
      )}
    </>
  );
};

/**
 * Capacity targets for the peak: each service's expected and target load
 * from the critical operations' edge estimates, with what-if rates and the
 * safety factor to try other scenarios, and the same table as CSV.
 */
export const CapacityPanel = () => {
  const api = useApi(tracingAdoptionApiRef);
  const [query, setQuery] = useState<CapacityQuery>({});
  const [safetyFactorText, setSafetyFactorText] = useState('');
  const [rates, setRates] = useState<Record<string, string>>({});
  // the last answer stays on screen while a scenario is recomputed or
  // refused, so the fields to correct remain
  const [value, setValue] = useState<CapacityTargets>();
  const { loading, error } = useAsync(
    async () => setValue(await api.getCapacity(query)),
    [api, query],
  );
  const [download, downloadCsv] = useAsyncFn(
    async () =>
      downloadBlob(
        await api.downloadCapacityCsv(query),
        'capacity-targets.csv',
      ),
    [api, query],
  );

  const safetyFactor = optionalNumber(safetyFactorText);
  const whatIf = Object.fromEntries(
    Object.entries(rates)
      .map(([id, text]) => [id, optionalNumber(text)] as const)
      .filter(([, rate]) => rate !== undefined),
  ) as Record<string, number>;
  const invalid =
    Boolean(safetyFactorProblem(safetyFactor)) ||
    Object.values(whatIf).some(rate => rateProblem(rate));

  const apply = () =>
    setQuery({
      ...(safetyFactor !== undefined && { safetyFactor }),
      ...(Object.keys(whatIf).length > 0 && { whatIf }),
    });
  const reset = () => {
    setSafetyFactorText('');
    setRates({});
    setQuery({});
  };

  if (!value) {
    return error ? <ResponseErrorPanel error={error} /> : <Progress />;
  }
  if (value.operations.length === 0) {
    return (
      <EmptyState
        missing="data"
        title="No critical operations"
        description="Capacity targets come from the critical operations' peak estimates; define operations first."
      />
    );
  }
  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <InfoCard
          title="Scenario"
          subheader="Peak requests/s at the edge per operation; leave a field empty for its planned peak"
        >
          <Box display="flex" alignItems="flex-start" gridGap={16} mb={2}>
            <TextField
              id="capacity-safety-factor"
              label="Safety factor"
              value={safetyFactorText}
              placeholder={String(value.safetyFactor)}
              error={Boolean(safetyFactorProblem(safetyFactor))}
              helperText={
                safetyFactorProblem(safetyFactor) ??
                `Target = expected × factor; now ${value.safetyFactor}`
              }
              onChange={e => setSafetyFactorText(e.target.value)}
              inputProps={{ inputMode: 'decimal' }}
            />
            <Button
              variant="contained"
              color="primary"
              disabled={invalid}
              onClick={apply}
            >
              Apply
            </Button>
            <Button onClick={reset}>Reset</Button>
            <Button
              variant="outlined"
              disabled={download.loading}
              onClick={downloadCsv}
            >
              Download CSV
            </Button>
          </Box>
          <WhatIfTable
            operations={value.operations}
            rates={rates}
            onChange={(id, text) => setRates(r => ({ ...r, [id]: text }))}
          />
          {download.error && (
            <ResponseErrorPanel
              title="The CSV could not be downloaded"
              error={download.error}
            />
          )}
        </InfoCard>
      </Grid>
      {loading && (
        <Grid item xs={12}>
          <LinearProgress aria-label="Recomputing" />
        </Grid>
      )}
      {error && (
        <Grid item xs={12}>
          <ResponseErrorPanel error={error} />
        </Grid>
      )}
      <Targets targets={value} />
    </Grid>
  );
};
