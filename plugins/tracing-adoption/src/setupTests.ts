import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';

// Rendering the Backstage app shell in jsdom takes seconds on a loaded 2-core
// CI machine; the library's 1 s wait and jest's 5 s test limit fail there
// while the components are merely slow.
configure({ asyncUtilTimeout: 10_000 });
jest.setTimeout(30_000);
