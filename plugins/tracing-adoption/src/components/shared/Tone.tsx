import { Chip, makeStyles, Theme, useTheme } from '@material-ui/core';
import {
  CampaignStatus,
  DefinitionOrigin,
  Maturity,
  ObjectivesStatus,
  ParticipantStatus,
} from '@internal/plugin-tracing-adoption-common';
import {
  CAMPAIGN_STATUS_LABELS,
  MATURITY_DESCRIPTIONS,
  OBJECTIVES_STATUS_LABELS,
  STATUS_DESCRIPTIONS,
  STATUS_LABELS,
} from './rolloutLabels';

/** How good or bad a state is; colors come from the theme, so both modes work. */
export type Tone = 'ok' | 'warning' | 'error' | 'info' | 'neutral';

export function toneColor(theme: Theme, tone: Tone): string {
  switch (tone) {
    case 'ok':
      return theme.palette.status.ok;
    case 'warning':
      return theme.palette.status.warning;
    case 'error':
      return theme.palette.status.error;
    case 'info':
      return theme.palette.info.main;
    default:
      return theme.palette.status.aborted;
  }
}

export const STATUS_TONES: Record<ParticipantStatus, Tone> = {
  'end-to-end': 'ok',
  'non-compliant': 'warning',
  'broken-propagation': 'error',
  uninstrumented: 'neutral',
  unknown: 'info',
};

/** Border style per status, so the diagram reads without color too. */
export const STATUS_BORDERS: Record<ParticipantStatus, string> = {
  'end-to-end': 'solid',
  'non-compliant': 'solid',
  'broken-propagation': 'dashed',
  uninstrumented: 'dashed',
  unknown: 'dotted',
};

const MATURITY_TONES: Record<Maturity, Tone> = {
  none: 'neutral',
  crawl: 'warning',
  walk: 'info',
  run: 'ok',
};

const CAMPAIGN_TONES: Record<CampaignStatus, Tone> = {
  complete: 'ok',
  'on-track': 'ok',
  'at-risk': 'warning',
  missed: 'error',
};

const OBJECTIVES_TONES: Record<ObjectivesStatus, Tone> = {
  met: 'ok',
  missed: 'error',
  'no-data': 'info',
  'no-objectives': 'neutral',
};

const useStyles = makeStyles(theme => ({
  chip: {
    color: theme.palette.text.primary,
    backgroundColor: 'transparent',
  },
  dot: {
    width: 8,
    height: 8,
    borderRadius: '50%',
    marginLeft: theme.spacing(1),
    flexShrink: 0,
  },
}));

export const ToneChip = ({
  tone,
  label,
  title,
  borderStyle = 'solid',
}: {
  tone: Tone;
  label: string;
  title?: string;
  borderStyle?: string;
}) => {
  const classes = useStyles();
  const color = toneColor(useTheme(), tone);
  return (
    <Chip
      size="small"
      variant="outlined"
      label={label}
      title={title}
      className={classes.chip}
      style={{ borderColor: color, borderStyle }}
      icon={<span className={classes.dot} style={{ backgroundColor: color }} />}
      data-tone={tone}
    />
  );
};

export const MaturityChip = ({ maturity }: { maturity: Maturity }) => (
  <ToneChip
    tone={MATURITY_TONES[maturity]}
    label={maturity}
    title={MATURITY_DESCRIPTIONS[maturity]}
  />
);

export const ParticipantStatusChip = ({
  status,
}: {
  status: ParticipantStatus;
}) => (
  <ToneChip
    tone={STATUS_TONES[status]}
    label={STATUS_LABELS[status]}
    title={STATUS_DESCRIPTIONS[status]}
    borderStyle={STATUS_BORDERS[status]}
  />
);

export const CampaignStatusChip = ({ status }: { status: CampaignStatus }) => (
  <ToneChip
    tone={CAMPAIGN_TONES[status]}
    label={CAMPAIGN_STATUS_LABELS[status]}
  />
);

export const ObjectivesStatusChip = ({
  status,
}: {
  status: ObjectivesStatus;
}) => (
  <ToneChip
    tone={OBJECTIVES_TONES[status]}
    label={OBJECTIVES_STATUS_LABELS[status]}
  />
);

/** Marks definitions the rollout YAML file owns; the portal cannot change them. */
export const OriginBadge = ({ origin }: { origin: DefinitionOrigin }) =>
  origin === 'config' ? (
    <Chip
      size="small"
      label="declared in YAML"
      title="Declared in the rollout definitions file; change it there"
    />
  ) : null;
