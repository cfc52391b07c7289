import {
  StatusError,
  StatusOK,
  StatusPending,
} from '@backstage/core-components';
import { List, ListItem, ListItemText } from '@material-ui/core';
import { CheckItem, CheckState } from './checklist';

const STATE_LABELS: Record<CheckState, string> = {
  pass: 'yes',
  fail: 'no',
  unknown: 'unknown',
};

const StateIcon = ({ state }: { state: CheckState }) => {
  if (state === 'pass') {
    return <StatusOK />;
  }
  return state === 'fail' ? <StatusError /> : <StatusPending />;
};

/** The checklist items, each with its state and why. */
export const CheckList = ({
  items,
  dense,
}: {
  items: CheckItem[];
  dense?: boolean;
}) => (
  <List dense disablePadding aria-label="Tracing checklist">
    {items.map(item => (
      <ListItem
        key={item.title}
        disableGutters
        aria-label={`${item.title}: ${STATE_LABELS[item.state]}`}
        data-state={item.state}
      >
        <ListItemText
          primary={
            <>
              <StateIcon state={item.state} />
              <strong>{item.title}</strong>: {STATE_LABELS[item.state]}
            </>
          }
          secondary={dense ? undefined : item.detail}
        />
      </ListItem>
    ))}
  </List>
);
