import { Fragment } from 'react';

/**
 * Guide texts mark dashboard labels as `**bold**`. Only that marker is interpreted; everything
 * else stays plain text (no HTML from translations ever reaches the DOM).
 */
export function RichText({ text }: { text: string }) {
  const parts = text.split('**');
  // An unmatched marker leaves an even count of parts: show the text as written.
  if (parts.length % 2 === 0) return <>{text}</>;
  return (
    <>
      {parts.map((part, index) =>
        index % 2 === 1 ? (
          <strong key={index}>{part}</strong>
        ) : (
          <Fragment key={index}>{part}</Fragment>
        ),
      )}
    </>
  );
}
