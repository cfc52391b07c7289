import { Entity } from '@backstage/catalog-model';
import {
  repositoryOfEntity,
  systemFromEntity,
  teamFromEntity,
  trackedServiceFromEntity,
} from './catalogMapping';

function component(overrides: Partial<Entity['metadata']> = {}, spec = {}) {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'cart', namespace: 'default', ...overrides },
    spec: { type: 'service', lifecycle: 'production', ...spec },
  } as Entity;
}

describe('trackedServiceFromEntity', () => {
  it('uses the entity name when no service-name annotation is set', () => {
    const result = trackedServiceFromEntity(
      component({}, { owner: 'team-cart' }),
    );
    expect(result).toEqual({
      ok: true,
      value: expect.objectContaining({
        entityRef: 'component:default/cart',
        serviceName: 'cart',
        ownerRef: 'group:default/team-cart',
        lifecycle: 'production',
      }),
    });
  });

  it('prefers the annotated service name and catalog relations', () => {
    const entity = component({
      name: 'customer-profile',
      annotations: { 'tracing-adoption/service-name': ' profile-svc ' },
    });
    entity.relations = [
      { type: 'ownedBy', targetRef: 'group:shop/team-customer' },
      { type: 'partOf', targetRef: 'domain:default/shop' },
      { type: 'partOf', targetRef: 'system:default/customer' },
    ];
    const result = trackedServiceFromEntity(entity);
    expect(result.ok && result.value).toMatchObject({
      serviceName: 'profile-svc',
      ownerRef: 'group:shop/team-customer',
      systemRef: 'system:default/customer',
    });
  });

  it('rejects an empty service-name annotation and names the entity', () => {
    const result = trackedServiceFromEntity(
      component({ annotations: { 'tracing-adoption/service-name': '  ' } }),
    );
    expect(result).toEqual({
      ok: false,
      entityRef: 'component:default/cart',
      problem: 'annotation tracing-adoption/service-name is empty',
    });
  });

  it('asks service-name resolvers first, in order, and names the one that failed', () => {
    const entity = component({
      annotations: {
        'datadoghq.com/service-name': 'cart-dd',
        'tracing-adoption/service-name': 'cart-annotated',
      },
    });
    const fromDatadog = (e: Entity) =>
      e.metadata.annotations?.['datadoghq.com/service-name'];
    const never = () => undefined;
    expect(
      trackedServiceFromEntity(entity, [never, fromDatadog]),
    ).toMatchObject({
      ok: true,
      value: { serviceName: 'cart-dd' },
    });
    expect(trackedServiceFromEntity(entity, [never])).toMatchObject({
      ok: true,
      value: { serviceName: 'cart-annotated' },
    });
    expect(trackedServiceFromEntity(entity, [never, () => ' '])).toEqual({
      ok: false,
      entityRef: 'component:default/cart',
      problem: 'service-name resolver #2 is empty',
    });
  });

  it('rejects service names longer than OpenTelemetry backends keep', () => {
    const result = trackedServiceFromEntity(
      component({
        annotations: { 'tracing-adoption/service-name': 'x'.repeat(256) },
      }),
    );
    expect(result.ok).toBe(false);
  });
});

describe('repositoryOfEntity', () => {
  it('reads the GitHub project slug and the monorepo path', () => {
    expect(
      repositoryOfEntity(
        component({
          annotations: {
            'github.com/project-slug': 'shopfront/messaging',
            'tracing-adoption/repo-path': '/services/email-sender/',
          },
        }),
      ),
    ).toEqual({
      host: 'github.com',
      slug: 'shopfront/messaging',
      path: 'services/email-sender',
    });
  });

  it('falls back to a source-location URL with a sub directory', () => {
    expect(
      repositoryOfEntity(
        component({
          annotations: {
            'backstage.io/source-location':
              'url:https://ghe.example.com/shop/monorepo.git/tree/main/svc/pricing',
          },
        }),
      ),
    ).toEqual({
      host: 'ghe.example.com',
      slug: 'shop/monorepo',
      path: 'svc/pricing',
    });
  });

  it('ignores malformed slugs and non-URL source locations', () => {
    expect(
      repositoryOfEntity(
        component({
          annotations: {
            'github.com/project-slug': 'not a slug',
            'backstage.io/source-location': 'dir:./local',
          },
        }),
      ),
    ).toBeUndefined();
    expect(
      repositoryOfEntity(
        component({
          annotations: { 'backstage.io/source-location': 'url:not-a-url' },
        }),
      ),
    ).toBeUndefined();
  });
});

describe('teamFromEntity and systemFromEntity', () => {
  it('maps groups with display name and parent', () => {
    const group = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name: 'team-cart' },
      spec: {
        type: 'team',
        parent: 'shopfront-engineering',
        profile: { displayName: 'Cart & Checkout' },
        children: [],
      },
    } as Entity;
    expect(teamFromEntity(group)).toEqual({
      entityRef: 'group:default/team-cart',
      name: 'team-cart',
      title: 'Cart & Checkout',
      type: 'team',
      parentRef: 'group:default/shopfront-engineering',
    });
  });

  it('maps systems with owner and domain', () => {
    const system = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'System',
      metadata: { name: 'commerce', title: 'Commerce' },
      spec: { owner: 'team-cart', domain: 'shop' },
    } as Entity;
    expect(systemFromEntity(system)).toEqual({
      entityRef: 'system:default/commerce',
      name: 'commerce',
      title: 'Commerce',
      ownerRef: 'group:default/team-cart',
      domainRef: 'domain:default/shop',
    });
  });
});
