import { useId } from 'react';

/** A labelled text input (or textarea) for the plan editors. */
export function TextField(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
  placeholder?: string;
  multiline?: boolean;
  type?: 'text' | 'date' | 'time';
  list?: string;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      {props.multiline ? (
        <textarea
          id={id}
          className="input"
          value={props.value}
          rows={3}
          onChange={(e) => props.onChange(e.target.value)}
        />
      ) : (
        <input
          id={id}
          className="input"
          type={props.type ?? 'text'}
          value={props.value}
          placeholder={props.placeholder}
          list={props.list}
          onChange={(e) => props.onChange(e.target.value)}
          onBlur={props.onBlur}
        />
      )}
    </div>
  );
}
