/** One labelled radio button of a plan editor's choice group. */
export function RadioOption(props: {
  name: string;
  label: string;
  checked: boolean;
  onSelect: () => void;
}) {
  return (
    <label className="check-label">
      <input type="radio" name={props.name} checked={props.checked} onChange={props.onSelect} />
      {props.label}
    </label>
  );
}
