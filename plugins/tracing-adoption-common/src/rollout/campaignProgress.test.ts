import { computeCampaignProgress } from './campaignProgress';

const campaign = { id: 'cyber-week', deadline: '2026-11-30' };
const now = new Date('2026-11-20T09:00:00Z');

describe('computeCampaignProgress', () => {
  it('is on track when the trend reaches every target by the deadline', () => {
    const progress = computeCampaignProgress(
      campaign,
      { atTarget: 6, total: 10 },
      [
        { day: '2026-11-17', atTarget: 3, total: 10 },
        { day: '2026-11-18', atTarget: 4, total: 10 },
        { day: '2026-11-19', atTarget: 5, total: 10 },
      ],
      now,
    );
    expect(progress).toMatchObject({
      status: 'on-track',
      daysLeft: 10,
      trendPerDay: 1,
      projectedAtDeadline: 10,
    });
    expect(progress.explanation).toBe(
      '6 of 10 at target; at 1.00 operations per day, 10 will be by 2026-11-30 (10 days left)',
    );
  });

  it('is at risk when the trend falls short', () => {
    const progress = computeCampaignProgress(
      campaign,
      { atTarget: 2, total: 10 },
      [
        { day: '2026-11-10', atTarget: 1, total: 10 },
        { day: '2026-11-15', atTarget: 2, total: 10 },
      ],
      now,
    );
    expect(progress.status).toBe('at-risk');
    expect(progress.projectedAtDeadline).toBeLessThan(10);
  });

  it('ignores history older than the trend window', () => {
    const progress = computeCampaignProgress(
      campaign,
      { atTarget: 5, total: 10 },
      [
        { day: '2026-09-01', atTarget: 0, total: 10 },
        { day: '2026-11-19', atTarget: 5, total: 10 },
      ],
      now,
    );
    expect(progress.trendPerDay).toBe(0);
    expect(progress.status).toBe('at-risk');
  });

  it('is complete or missed regardless of the trend', () => {
    expect(
      computeCampaignProgress(campaign, { atTarget: 4, total: 4 }, [], now)
        .status,
    ).toBe('complete');
    expect(
      computeCampaignProgress(
        campaign,
        { atTarget: 3, total: 4 },
        [],
        new Date('2026-12-01T00:00:00Z'),
      ),
    ).toMatchObject({ status: 'missed', daysLeft: 0 });
  });

  it('is at risk without target operations', () => {
    expect(
      computeCampaignProgress(campaign, { atTarget: 0, total: 0 }, [], now),
    ).toMatchObject({
      status: 'at-risk',
      explanation: 'The campaign has no target operations yet',
    });
  });
});
