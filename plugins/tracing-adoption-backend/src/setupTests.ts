// Suites that start a backend on PostgreSQL and SQLite take seconds per test
// when CI runs them next to the frontend suites on 2 cores; jest's 5 s limit
// fails them while they are merely slow.
jest.setTimeout(30_000);
