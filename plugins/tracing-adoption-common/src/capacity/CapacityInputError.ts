/**
 * Input the capacity targets cannot be computed from, named by operation and
 * field, so an API can answer it as a bad request.
 *
 * @public
 */
export class CapacityInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CapacityInputError';
  }
}
