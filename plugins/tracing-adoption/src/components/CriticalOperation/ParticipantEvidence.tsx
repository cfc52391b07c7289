import { InfoCard, StructuredMetadataTable } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import {
  Box,
  Button,
  Chip,
  List,
  ListItem,
  ListItemText,
  Typography,
} from '@material-ui/core';
import {
  CoverageEvidence,
  ParticipantCoverage,
} from '@internal/plugin-tracing-adoption-common';
import { CodeSpans } from '../shared/CodeSpans';
import { TeamLink } from '../shared/RolloutLinks';
import { perRequest, STATUS_DESCRIPTIONS } from '../shared/rolloutLabels';
import { TraceIdLinks } from '../shared/TraceIdLinks';
import { ParticipantStatusChip } from '../shared/Tone';

const EVIDENCE_LABELS: Record<CoverageEvidence['kind'], string> = {
  trace: 'traces',
  scan: 'repository scan',
  violation: 'convention violation',
  declaration: 'declaration',
  waiver: 'waiver',
};

/** The facts behind a status, each with its example traces. */
export const EvidenceList = ({
  evidence,
  traceLinks,
  label,
}: {
  evidence: CoverageEvidence[];
  traceLinks: Record<string, string>;
  label: string;
}) => (
  <List dense aria-label={label}>
    {evidence.map((item, index) => (
      <ListItem key={index} disableGutters alignItems="flex-start">
        <ListItemText
          primaryTypographyProps={{ component: 'div' }}
          secondaryTypographyProps={{ component: 'div' }}
          primary={
            <Box display="flex" gridGap={8} alignItems="baseline">
              <Chip size="small" label={EVIDENCE_LABELS[item.kind]} />
              <span>
                <CodeSpans text={item.message} />
              </span>
            </Box>
          }
          secondary={
            item.traceIds?.length || item.path ? (
              <>
                {item.traceIds && item.traceIds.length > 0 && (
                  <>
                    Example traces:{' '}
                    <TraceIdLinks traceIds={item.traceIds} links={traceLinks} />
                  </>
                )}
                {item.path && <> · {item.path}</>}
              </>
            ) : undefined
          }
        />
      </ListItem>
    ))}
  </List>
);

/** One participant's status on the operation and the evidence behind it. */
export const ParticipantEvidence = ({
  participant,
  traceLinks,
  onGrantWaiver,
}: {
  participant: ParticipantCoverage;
  traceLinks: Record<string, string>;
  onGrantWaiver?: () => void;
}) => (
  <section aria-label={`${participant.service} on this operation`}>
    <InfoCard title={participant.service} subheader="Status on this operation">
      <Box display="flex" alignItems="center" gridGap={8} mb={1}>
        <ParticipantStatusChip status={participant.status} />
        <Typography variant="body2">
          {STATUS_DESCRIPTIONS[participant.status]}
        </Typography>
      </Box>
      {participant.waiver && (
        <Typography variant="body2" paragraph>
          Exempt by a waiver until{' '}
          {new Date(participant.waiver.expiresAt).toLocaleDateString()}:{' '}
          {participant.waiver.reason}
        </Typography>
      )}
      <StructuredMetadataTable
        dense
        metadata={{
          'catalog entity': participant.entityRef ? (
            <EntityRefLink entityRef={participant.entityRef} />
          ) : (
            'none: no component claims this service.name'
          ),
          owner: participant.ownerRef ? (
            <TeamLink teamRef={participant.ownerRef} />
          ) : (
            '—'
          ),
          'calls per request':
            participant.callsPerRequest === undefined
              ? '—'
              : perRequest(participant.callsPerRequest),
          'seen in traces': participant.seenInTraces ? 'yes' : 'no',
          'declared participant': participant.declared ? 'yes' : 'no',
          'error-severity violations': participant.errorViolations,
        }}
      />
      <Typography variant="subtitle2" style={{ marginTop: 16 }}>
        Evidence
      </Typography>
      <EvidenceList
        evidence={participant.evidence}
        traceLinks={traceLinks}
        label={`Evidence for ${participant.service}`}
      />
      {onGrantWaiver &&
        !participant.waiver &&
        participant.status !== 'end-to-end' && (
          <Button variant="outlined" size="small" onClick={onGrantWaiver}>
            Grant a waiver
          </Button>
        )}
    </InfoCard>
  </section>
);
