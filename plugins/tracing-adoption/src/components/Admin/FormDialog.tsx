import { WarningPanel } from '@backstage/core-components';
import {
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Grid,
  Typography,
} from '@material-ui/core';
import { ReactNode, useCallback, useState } from 'react';
import { ServerProblem, serverProblem } from '../shared/serverProblem';

const PROBLEMS: Record<number, { title: string; advice: string }> = {
  400: {
    title: 'The server refused these values',
    advice: 'Correct the fields it names and save again.',
  },
  403: {
    title: 'You may not make this change',
    advice: 'Ask a rollout admin for the permission the message names.',
  },
  404: {
    title: 'It no longer exists',
    advice:
      'Someone removed it in the meantime; close this and reload the page.',
  },
  409: {
    title: 'Conflict: nothing was saved',
    advice:
      'It changed since you opened it, or the rollout definitions file declares it. Reload the latest version, then make your change again.',
  },
};

/** The backend's refusal in its own words, with what to do about it. */
const ProblemPanel = ({
  problem,
  onReload,
}: {
  problem: ServerProblem;
  onReload?: () => void;
}) => {
  const known = problem.statusCode ? PROBLEMS[problem.statusCode] : undefined;
  return (
    <WarningPanel
      severity="error"
      title={known?.title ?? 'The change was not saved'}
      message={problem.message}
      defaultExpanded
    >
      {known && <Typography paragraph>{known.advice}</Typography>}
      {problem.statusCode === 409 && onReload && (
        <Button variant="outlined" onClick={onReload}>
          Reload the latest version
        </Button>
      )}
    </WarningPanel>
  );
};

/** Runs a change, keeping the server's refusal for display. */
export function useServerAction() {
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<ServerProblem>();
  const run = useCallback(async (action: () => Promise<void>) => {
    setSaving(true);
    setProblem(undefined);
    try {
      await action();
    } catch (error) {
      setProblem(serverProblem(error));
    } finally {
      setSaving(false);
    }
  }, []);
  return { saving, problem, run };
}

/** A definition form in a dialog: fields, the server's refusal, save and cancel. */
export const FormDialog = ({
  title,
  onClose,
  onSubmit,
  saving,
  problem,
  onReload,
  submitLabel = 'Save',
  readOnly,
  children,
}: {
  title: string;
  onClose: () => void;
  onSubmit: () => void;
  saving: boolean;
  problem?: ServerProblem;
  onReload?: () => void;
  submitLabel?: string;
  /** Why nothing can be saved, shown instead of the save button. */
  readOnly?: string;
  children: ReactNode;
}) => (
  <Dialog
    open
    onClose={saving ? undefined : onClose}
    fullWidth
    maxWidth="md"
    aria-labelledby="rollout-form-title"
  >
    <form
      noValidate
      onSubmit={event => {
        event.preventDefault();
        if (!readOnly) {
          onSubmit();
        }
      }}
    >
      <DialogTitle id="rollout-form-title">{title}</DialogTitle>
      <DialogContent>
        {problem && (
          <Box mb={2}>
            <ProblemPanel problem={problem} onReload={onReload} />
          </Box>
        )}
        {readOnly && (
          <Box mb={2}>
            <Typography>{readOnly}</Typography>
          </Box>
        )}
        <Grid container spacing={2}>
          {children}
        </Grid>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={saving}>
          Cancel
        </Button>
        {!readOnly && (
          <Button
            type="submit"
            color="primary"
            variant="contained"
            disabled={saving}
          >
            {submitLabel}
          </Button>
        )}
      </DialogActions>
    </form>
  </Dialog>
);

/** Asks before a removal, and shows why the server refused it. */
export const ConfirmDialog = ({
  title,
  children,
  confirmLabel,
  onConfirm,
  onClose,
}: {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => Promise<void>;
  onClose: () => void;
}) => {
  const { saving, problem, run } = useServerAction();
  return (
    <Dialog open onClose={saving ? undefined : onClose}>
      <DialogTitle>{title}</DialogTitle>
      <DialogContent>
        {problem && (
          <Box mb={2}>
            <ProblemPanel problem={problem} />
          </Box>
        )}
        <Typography>{children}</Typography>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={saving}>
          Cancel
        </Button>
        <Button
          color="secondary"
          variant="contained"
          disabled={saving}
          onClick={() => run(onConfirm)}
        >
          {confirmLabel}
        </Button>
      </DialogActions>
    </Dialog>
  );
};

/** A readable reason config-declared definitions cannot be edited here. */
export const DECLARED_IN_YAML =
  'Declared in the rollout definitions file (origin: config): change it in that YAML file, which is read again every 5 minutes by default.';
