import { render, screen } from '@testing-library/react';
import App from './App';

describe('App', () => {
  it('starts at the guest sign-in page with the configured title', async () => {
    process.env = {
      NODE_ENV: 'test',
      APP_CONFIG: [
        {
          data: {
            app: { title: 'Tracing Adoption Test' },
            backend: { baseUrl: 'http://localhost:7007' },
          },
          context: 'test',
        },
      ] as any,
    };
    render(<App />);
    expect(
      await screen.findByText('Tracing Adoption Test'),
    ).toBeInTheDocument();
    expect(screen.getAllByText(/Guest/).length).toBeGreaterThan(0);
  });
});
