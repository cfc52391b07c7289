import { EmptyState } from '@backstage/core-components';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import { TeamRolloutView } from '../Teams/TeamRolloutView';
import { ComponentChecklist } from './ComponentChecklist';

/**
 * The entity page's Tracing tab: the team view for a Group, the tracing
 * checklist for a Component.
 *
 * @public
 */
export const EntityTracingAdoptionContent = () => {
  const { entity } = useEntity();
  switch (entity.kind.toLocaleLowerCase('en-US')) {
    case 'group':
      return <TeamRolloutView teamRef={stringifyEntityRef(entity)} />;
    case 'component':
      return <ComponentChecklist entity={entity} />;
    default:
      return (
        <EmptyState
          missing="info"
          title="Tracing adoption covers components and groups"
          description="Open the Tracing tab of a component or a team."
        />
      );
  }
};
