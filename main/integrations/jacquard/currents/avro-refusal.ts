/**
 * Why the audit refused to read a file as Avro. Each problem has a sentence,
 * `checks-jacquard:currents.avro.<problem>`, that names what the file declares against the limit
 * it broke, so the CSM can tell Braze which file is wrong and how.
 */
export type AvroProblem =
  | 'notAvro'
  | 'truncated'
  | 'headerTooLarge'
  | 'metadataCount'
  | 'lengthBeyondEnd'
  | 'schemaInvalid'
  | 'schemaTooLarge'
  | 'schemaUnsupported'
  | 'unknownCodec'
  | 'blockTooLarge'
  | 'countTooLarge'
  | 'corrupt'
  | 'syncMismatch';

export type AvroProblemParams = Record<string, string | number>;

export class AvroRefusal extends Error {
  readonly problem: AvroProblem;
  readonly params: AvroProblemParams;

  constructor(problem: AvroProblem, params: AvroProblemParams = {}) {
    super(`not a readable Currents Avro file: ${problem} ${JSON.stringify(params)}`);
    this.name = 'AvroRefusal';
    this.problem = problem;
    this.params = params;
  }
}
