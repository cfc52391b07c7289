/**
 * Text whose `backticked` parts are code, as the backend writes action
 * titles ("Instrument `currency`: blocks Checkout").
 */
export const CodeSpans = ({ text }: { text: string }) => (
  <>
    {text
      .split('`')
      .map((part, index) =>
        index % 2 === 1 ? <code key={index}>{part}</code> : part,
      )}
  </>
);
