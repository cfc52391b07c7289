import type { CampaignDay, CampaignProgress, CampaignInput } from './types';

const DAY_MS = 86_400_000;

/** Days of history the trend is fitted over. */
export const TREND_WINDOW_DAYS = 14;

function dayNumber(isoDay: string): number {
  return Math.floor(Date.parse(`${isoDay}T00:00:00Z`) / DAY_MS);
}

/** `YYYY-MM-DD` of a timestamp, in UTC. @public */
export function utcDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/** Least-squares slope of (day, value) points; 0 with fewer than two days. */
function slopePerDay(points: Array<{ x: number; y: number }>): number {
  if (points.length < 2) {
    return 0;
  }
  const meanX = points.reduce((s, p) => s + p.x, 0) / points.length;
  const meanY = points.reduce((s, p) => s + p.y, 0) / points.length;
  let numerator = 0;
  let denominator = 0;
  for (const p of points) {
    numerator += (p.x - meanX) * (p.y - meanY);
    denominator += (p.x - meanX) ** 2;
  }
  return denominator === 0 ? 0 : numerator / denominator;
}

/**
 * Where a campaign stands: complete when every target operation is at the
 * target maturity; missed when the deadline passed before that; otherwise on
 * track when the least-squares trend of the last {@link TREND_WINDOW_DAYS}
 * days of history, continued to the deadline, reaches the total, else at
 * risk. Pure.
 *
 * @public
 */
export function computeCampaignProgress(
  campaign: Pick<CampaignInput, 'id' | 'deadline'>,
  current: { atTarget: number; total: number },
  history: readonly CampaignDay[],
  now: Date,
): CampaignProgress {
  const today = dayNumber(utcDay(now));
  const daysLeft = Math.max(0, dayNumber(campaign.deadline) - today);
  const recent = history
    .filter(d => dayNumber(d.day) > today - TREND_WINDOW_DAYS)
    .map(d => ({ x: dayNumber(d.day), y: d.atTarget }));
  if (!recent.some(p => p.x === today)) {
    recent.push({ x: today, y: current.atTarget });
  }
  const trendPerDay = slopePerDay(recent);
  const projectedAtDeadline = Math.min(
    current.total,
    Math.max(0, current.atTarget + trendPerDay * daysLeft),
  );
  const { atTarget, total } = current;
  const base = {
    campaignId: campaign.id,
    atTarget,
    total,
    daysLeft,
    trendPerDay,
    projectedAtDeadline,
  };
  if (total > 0 && atTarget >= total) {
    return {
      ...base,
      status: 'complete',
      explanation: `All ${total} target operations are at the target maturity`,
    };
  }
  if (today > dayNumber(campaign.deadline)) {
    return {
      ...base,
      status: 'missed',
      explanation: `The deadline ${campaign.deadline} passed with ${atTarget} of ${total} operations at the target maturity`,
    };
  }
  const onTrack = total > 0 && projectedAtDeadline >= total;
  return {
    ...base,
    status: onTrack ? 'on-track' : 'at-risk',
    explanation:
      total === 0
        ? 'The campaign has no target operations yet'
        : `${atTarget} of ${total} at target; at ${trendPerDay.toFixed(
            2,
          )} operations per day, ${Math.floor(
            projectedAtDeadline,
          )} will be by ${campaign.deadline} (${daysLeft} days left)`,
  };
}
