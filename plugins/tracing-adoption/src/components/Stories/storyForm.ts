import {
  STORY_LIMITS,
  Story,
  StoryCategory,
  StoryInput,
  StoryStatus,
} from '@internal/plugin-tracing-adoption-common';
import { listEntries, optionalNumber } from '../shared/formText';

/** One impact row as typed: numbers stay text until the story is saved. */
export interface ImpactRow {
  label: string;
  before: string;
  after: string;
  unit: string;
}

/** The editor's fields; lists are edited as one entry per line. */
export interface StoryForm {
  title: string;
  body: string;
  category: StoryCategory;
  team: string;
  entityRefs: string;
  operations: string;
  traceLinks: string;
  impact: ImpactRow[];
}

export type StoryFormErrors = Partial<Record<keyof StoryForm, string>>;

export function emptyStoryForm(entityRef?: string): StoryForm {
  return {
    title: '',
    body: '',
    category: 'latency',
    team: '',
    entityRefs: entityRef ?? '',
    operations: '',
    traceLinks: '',
    impact: [],
  };
}

export function storyToForm(story: Story): StoryForm {
  const number = (value?: number) => (value === undefined ? '' : String(value));
  return {
    title: story.title,
    body: story.body,
    category: story.category,
    team: story.team,
    entityRefs: story.entityRefs.join('\n'),
    operations: story.operations.join('\n'),
    traceLinks: story.traceLinks.join('\n'),
    impact: story.impact.map(figure => ({
      label: figure.label,
      before: number(figure.before),
      after: number(figure.after),
      unit: figure.unit,
    })),
  };
}

function urls(text: string): string[] {
  return listEntries(text, /\n/);
}

export function formToInput(form: StoryForm, status: StoryStatus): StoryInput {
  return {
    title: form.title,
    body: form.body,
    category: form.category,
    ...(form.team.trim() ? { team: form.team.trim() } : {}),
    entityRefs: listEntries(form.entityRefs),
    operations: listEntries(form.operations),
    traceLinks: urls(form.traceLinks),
    impact: form.impact.map(row => ({
      label: row.label,
      before: optionalNumber(row.before),
      after: optionalNumber(row.after),
      unit: row.unit,
    })),
    status,
  };
}

const ENTITY_REF = /^[a-z0-9_.-]+:[a-z0-9_.-]+\/[a-z0-9_.-]+$/;

function isHttpUrl(text: string): boolean {
  try {
    const { protocol } = new URL(text);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * The mistakes worth catching before a round trip; the server checks
 * everything again and its message is shown as well.
 */
export function validateStoryForm(
  form: StoryForm,
  status: StoryStatus,
): StoryFormErrors {
  const errors: StoryFormErrors = {};
  if (!form.title.trim()) {
    errors.title = 'A story needs a title';
  } else if (form.title.length > STORY_LIMITS.titleMaxLength) {
    errors.title = `At most ${STORY_LIMITS.titleMaxLength} characters`;
  }
  if (form.body.length > STORY_LIMITS.bodyMaxLength) {
    errors.body = `At most ${STORY_LIMITS.bodyMaxLength} characters`;
  } else if (status === 'published' && !form.body.trim()) {
    errors.body = 'Tell the story before publishing it';
  }
  if (form.team.trim() && !form.team.trim().startsWith('group:')) {
    errors.team = 'A group entity ref such as group:default/team-cart';
  }
  const entityRefs = listEntries(form.entityRefs);
  const badRef = entityRefs.find(ref => !ENTITY_REF.test(ref));
  if (entityRefs.length > STORY_LIMITS.entityRefsMax) {
    errors.entityRefs = `At most ${STORY_LIMITS.entityRefsMax} entities`;
  } else if (badRef) {
    errors.entityRefs = `${badRef} is not a full lowercase entity ref such as component:default/pricing`;
  }
  if (listEntries(form.operations).length > STORY_LIMITS.operationsMax) {
    errors.operations = `At most ${STORY_LIMITS.operationsMax} operations`;
  }
  const traceLinks = urls(form.traceLinks);
  const badLink = traceLinks.find(link => !isHttpUrl(link));
  if (traceLinks.length > STORY_LIMITS.traceLinksMax) {
    errors.traceLinks = `At most ${STORY_LIMITS.traceLinksMax} links`;
  } else if (badLink) {
    errors.traceLinks = `${badLink} is not an http or https URL`;
  }
  if (form.impact.length > STORY_LIMITS.impactFiguresMax) {
    errors.impact = `At most ${STORY_LIMITS.impactFiguresMax} figures`;
  } else {
    const badRow = form.impact.findIndex(
      row =>
        !row.label.trim() ||
        !row.unit.trim() ||
        (row.before.trim() === '' && row.after.trim() === '') ||
        [row.before, row.after].some(
          value => value.trim() !== '' && !Number.isFinite(Number(value)),
        ),
    );
    if (badRow >= 0) {
      errors.impact = `Figure ${
        badRow + 1
      } needs a label, a unit and a numeric before or after value`;
    }
  }
  return errors;
}
