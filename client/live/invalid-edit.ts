/** A change the live document's rules would refuse, with a message fit to show beside the field. */
export class InvalidEdit extends Error {
  override readonly name = 'InvalidEdit';
}
