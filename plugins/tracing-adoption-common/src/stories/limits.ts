/**
 * Upper bounds of a story's fields, enforced by the backend and shown by the
 * editor; they keep one story small enough to render and to syndicate.
 *
 * @public
 */
export const STORY_LIMITS = {
  titleMaxLength: 200,
  bodyMaxLength: 50_000,
  entityRefsMax: 20,
  entityRefMaxLength: 255,
  operationsMax: 20,
  operationKeyMaxLength: 200,
  impactFiguresMax: 10,
  impactLabelMaxLength: 100,
  impactUnitMaxLength: 40,
  traceLinksMax: 10,
  traceLinkMaxLength: 2048,
  searchMaxLength: 200,
  pageSizeMax: 100,
} as const;
