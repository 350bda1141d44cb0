import { Fragment } from 'react';

/** A rule code in monospace that wraps only after its underscores (AGE_UNDER_18), never mid-word. */
export function RuleCode({ code }: { code: string }) {
  const parts = code.split('_');
  return (
    <span
      style={{ fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', fontSize: '0.9em' }}
    >
      {parts.map((part, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one code never reorder
        <Fragment key={index}>
          {part}
          {index < parts.length - 1 && (
            <>
              _<wbr />
            </>
          )}
        </Fragment>
      ))}
    </span>
  );
}
