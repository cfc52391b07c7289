import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { StoryMarkdown } from './StoryMarkdown';

const hostile = [
  '# Found it',
  '',
  'Normal **bold** and a [trace](https://jaeger.example.com/trace/1).',
  '',
  '<script>window.pwned = true</script>',
  '',
  '<img src="x" onerror="window.pwned = true">',
  '',
  '[x](javascript:alert(1)) and [y](JAVASCRIPT:alert(1)) and [z](  javascript:alert(1))',
  '',
  '![pic](javascript:alert(1))',
  '',
  '<a href="javascript:alert(1)" onclick="alert(1)">raw link</a>',
  '',
  '<iframe src="https://evil.example.com"></iframe>',
].join('\n');

describe('StoryMarkdown', () => {
  it('renders markdown and leaves script, event-handler and javascript: payloads inert', async () => {
    const { container } = await renderInTestApp(
      <StoryMarkdown markdown={hostile} />,
    );
    expect(
      screen.getByRole('heading', { name: 'Found it' }),
    ).toBeInTheDocument();
    expect(screen.getByText('bold').tagName).toBe('STRONG');
    expect(screen.getByRole('link', { name: 'trace' })).toHaveAttribute(
      'href',
      'https://jaeger.example.com/trace/1',
    );

    expect(container.querySelector('script')).toBeNull();
    expect(container.querySelector('iframe')).toBeNull();
    const all = Array.from(container.querySelectorAll('*'));
    for (const element of all) {
      for (const attribute of Array.from(element.attributes)) {
        expect(attribute.name).not.toMatch(/^on/i);
        expect(attribute.value).not.toMatch(/^\s*javascript:/i);
      }
    }
    expect((window as { pwned?: boolean }).pwned).toBeUndefined();
  });
});
