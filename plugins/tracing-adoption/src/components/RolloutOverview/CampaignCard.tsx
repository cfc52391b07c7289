import { InfoCard } from '@backstage/core-components';
import { Box, Grid, Typography } from '@material-ui/core';
import { CampaignView } from '@internal/plugin-tracing-adoption-common';
import { DailyChart } from '../shared/DailyChart';
import { OperationLink } from '../shared/RolloutLinks';
import { CampaignStatusChip, MaturityChip } from '../shared/Tone';

function countdown({ progress }: CampaignView): string {
  if (progress.daysLeft > 0) {
    return `${progress.daysLeft} ${
      progress.daysLeft === 1 ? 'day' : 'days'
    } to the deadline`;
  }
  return progress.status === 'missed'
    ? 'The deadline has passed'
    : 'The deadline is today';
}

/** A campaign's countdown, status with its reason, and burn-up. */
export const CampaignCard = ({ view }: { view: CampaignView }) => {
  const { campaign, progress, burnUp, operations } = view;
  const behind = operations.filter(o => !o.atTarget);
  return (
    <InfoCard
      title={campaign.name}
      subheader={`Every target operation at ${campaign.targetMaturity} by ${campaign.deadline} (started ${campaign.startDate})`}
    >
      <Grid container spacing={3}>
        <Grid item xs={12} md={4}>
          <Typography variant="h3" component="p">
            {progress.daysLeft}
          </Typography>
          <Typography variant="subtitle1" gutterBottom>
            {countdown(view)}
          </Typography>
          <Box display="flex" alignItems="center" gridGap={8} mb={1}>
            <CampaignStatusChip status={progress.status} />
            <Typography variant="body2">
              {progress.atTarget} of {progress.total} operations at{' '}
              {campaign.targetMaturity}
            </Typography>
          </Box>
          <Typography variant="body2" color="textSecondary" paragraph>
            {progress.explanation}
          </Typography>
          {behind.length > 0 && (
            <>
              <Typography variant="subtitle2">
                Not at {campaign.targetMaturity} yet
              </Typography>
              {behind.map(o => (
                <Box
                  key={o.id}
                  display="flex"
                  alignItems="center"
                  gridGap={8}
                  my={0.5}
                >
                  <OperationLink operationId={o.id} name={o.name} />
                  <MaturityChip maturity={o.maturity} />
                </Box>
              ))}
            </>
          )}
        </Grid>
        <Grid item xs={12} md={8}>
          <DailyChart
            title={`Burn-up of ${campaign.name}`}
            caption={`Operations at ${campaign.targetMaturity} per day against the campaign's target operations; today ${progress.atTarget} of ${progress.total}.`}
            data={burnUp}
            series={[
              {
                key: 'atTarget',
                name: `At ${campaign.targetMaturity}`,
                color: 'primary',
              },
              {
                key: 'total',
                name: 'Target operations',
                color: 'muted',
                dashed: true,
              },
            ]}
          />
        </Grid>
      </Grid>
    </InfoCard>
  );
};
