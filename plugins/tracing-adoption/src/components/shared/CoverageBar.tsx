import { LinearGauge } from '@backstage/core-components';
import { Box, Typography } from '@material-ui/core';
import { OperationCoverage } from '@internal/plugin-tracing-adoption-common';

/** Share of participants traced end to end, with the counts behind it. */
export const CoverageBar = ({
  coverage,
}: {
  coverage?: OperationCoverage['coverage'];
}) => {
  if (!coverage) {
    return <>not evaluated</>;
  }
  return (
    <Box display="flex" alignItems="center" gridGap={8} minWidth={140}>
      <Box flexGrow={1}>
        <LinearGauge value={coverage.ratio} />
      </Box>
      <Typography
        variant="body2"
        title={`${coverage.covered} of ${coverage.total} participants traced end to end`}
      >
        {coverage.covered}/{coverage.total}
      </Typography>
    </Box>
  );
};
