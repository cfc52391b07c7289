import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';

// jsdom has no layout: observed elements report one fixed size, so that
// size-driven components (Recharts, React Flow) render their content.
class FixedSizeResizeObserver {
  constructor(private readonly callback: ResizeObserverCallback) {}
  observe(target: Element) {
    this.callback(
      [
        {
          target,
          contentRect: { width: 800, height: 400 },
        } as unknown as ResizeObserverEntry,
      ],
      this as unknown as ResizeObserver,
    );
  }
  unobserve() {}
  disconnect() {}
}
globalThis.ResizeObserver ??= FixedSizeResizeObserver;

// React Flow reads the zoom from CSS transforms.
class IdentityDOMMatrixReadOnly {
  readonly m22 = 1;
}
(globalThis as any).DOMMatrixReadOnly ??= IdentityDOMMatrixReadOnly;

// Pages with several Material tables take seconds to render on a busy CI
// machine; waiting longer only delays failures, never hides them.
configure({ asyncUtilTimeout: 5_000 });
jest.setTimeout(30_000);

// usePermission keeps its answers in SWR's module-wide cache, which would
// carry one test's permission policy into the next: in tests it asks the
// test's permission API on every mount instead.
jest.mock('@backstage/plugin-permission-react', () => {
  const actual = jest.requireActual('@backstage/plugin-permission-react');
  const { useApi } = jest.requireActual('@backstage/core-plugin-api');
  const { useEffect, useState } = jest.requireActual('react');
  return {
    ...actual,
    usePermission: ({ permission }: { permission: object }) => {
      const api = useApi(actual.permissionApiRef);
      const [result, setResult] = useState();
      useEffect(() => {
        let current = true;
        api
          .authorize({ permission })
          .then(
            (answer: { result: unknown }) =>
              current && setResult(answer.result),
          );
        return () => {
          current = false;
        };
      }, [api, permission]);
      return {
        loading: result === undefined,
        allowed: result === 'ALLOW',
      };
    },
  };
});
