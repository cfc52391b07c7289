import Ajv, { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { spec } from '../schema/openapi/generated';

const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema(spec as object, 'openapi');

const validators = new Map<string, ValidateFunction>();

/** `/rollout/teams/{namespace}/{name}` → `~1rollout~1teams~1{namespace}~1{name}` */
function pointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

/**
 * Throws unless `body` is what openapi.yaml promises for the route, method
 * and status, naming every difference.
 */
export function expectMatchesSpec(
  method: 'get' | 'post' | 'put' | 'delete',
  path: string,
  response: { status: number; body: unknown },
): void {
  const paths = (spec as { paths: Record<string, any> }).paths;
  const declared = paths[path]?.[method]?.responses?.[String(response.status)];
  if (!declared) {
    throw new Error(
      `openapi.yaml declares no ${
        response.status
      } answer for ${method.toUpperCase()} ${path}`,
    );
  }
  const key = `${method} ${path} ${response.status}`;
  let validate = validators.get(key);
  if (!validate) {
    const ref = declared.$ref
      ? `openapi${declared.$ref}/content/application~1json/schema`
      : `openapi#/paths/${pointer(path)}/${method}/responses/${
          response.status
        }/content/application~1json/schema`;
    validate = ajv.compile({ $ref: ref });
    validators.set(key, validate);
  }
  if (!validate(response.body)) {
    throw new Error(
      `${method.toUpperCase()} ${path} ${
        response.status
      } does not match openapi.yaml: ${ajv.errorsText(validate.errors, {
        separator: '; ',
      })}`,
    );
  }
}
