import { useCallback, useState } from 'react';
import { Table, TableColumn } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import {
  JobRun,
  TrackedService,
} from '@internal/plugin-tracing-adoption-common';
import { tracingAdoptionApiRef } from '../../api/TracingAdoptionApi';
import { CatalogSyncStatus } from './CatalogSyncStatus';

const columns: TableColumn<TrackedService>[] = [
  {
    title: 'Service name (in traces)',
    field: 'serviceName',
    highlight: true,
  },
  {
    title: 'Component',
    field: 'entityRef',
    render: service => <EntityRefLink entityRef={service.entityRef} />,
  },
  {
    title: 'Owner',
    field: 'ownerRef',
    render: service =>
      service.ownerRef ? (
        <EntityRefLink entityRef={service.ownerRef} defaultKind="group" />
      ) : (
        'no owner'
      ),
  },
  {
    title: 'System',
    field: 'systemRef',
    render: service =>
      service.systemRef ? (
        <EntityRefLink entityRef={service.systemRef} defaultKind="system" />
      ) : (
        '—'
      ),
  },
  {
    title: 'Repository',
    field: 'repository',
    render: service =>
      service.repository
        ? [service.repository.slug, service.repository.path]
            .filter(Boolean)
            .join(' / ')
        : 'not annotated',
  },
  { title: 'Lifecycle', field: 'lifecycle' },
];

/**
 * The services the rollout tracks, paged and searched on the server so that
 * catalogs with thousands of components stay fast.
 */
export const ServicesTable = () => {
  const api = useApi(tracingAdoptionApiRef);
  const [catalogSync, setCatalogSync] = useState<JobRun | undefined>();
  const [totalCount, setTotalCount] = useState<number | undefined>();

  const loadPage = useCallback(
    async (query: { page: number; pageSize: number; search: string }) => {
      const list = await api.listServices({
        search: query.search,
        limit: query.pageSize,
        offset: query.page * query.pageSize,
      });
      setCatalogSync(list.catalogSync);
      setTotalCount(list.totalCount);
      return {
        data: list.items,
        page: query.page,
        totalCount: list.totalCount,
      };
    },
    [api],
  );

  return (
    <>
      <CatalogSyncStatus run={catalogSync} />
      <Table<TrackedService>
        title={
          totalCount === undefined
            ? 'Tracked services'
            : `Tracked services (${totalCount})`
        }
        options={{
          search: true,
          paging: true,
          pageSize: 25,
          pageSizeOptions: [25, 50, 100],
          sorting: false,
          debounceInterval: 300,
        }}
        columns={columns}
        data={loadPage}
        emptyContent={
          <div style={{ padding: 16 }}>
            No tracked services yet: the catalog has no Components, or the first
            catalog sync has not run.
          </div>
        }
      />
    </>
  );
};
