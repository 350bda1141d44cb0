import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { Json } from './hsds-fields.ts';

/**
 * Checks HSDS 3.0 objects against the official JSON schemas (Open Referral's modular schemas, kept
 * unchanged in ./hsds-schema). They declare no "$schema"; HSDS 3.0 publishes them for OpenAPI 3.1,
 * whose dialect is JSON Schema 2020-12, so they are compiled with Ajv2020. Their extra keywords
 * (name, constraints, example, core, datapackage_metadata) are annotations: strict is off.
 */

const SCHEMA_DIRECTORY = fileURLToPath(new URL('./hsds-schema/', import.meta.url));

export type HsdsShape = 'organization' | 'service' | 'service_at_location' | 'location';

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

export type HsdsValidator = (shape: HsdsShape, value: unknown) => string[];

/**
 * Compiles the schemas of `directory` (each file added under its own name, which is how they refer
 * to one another); answers a function listing each problem with a value (empty when it is valid).
 */
export function hsdsValidator(directory = SCHEMA_DIRECTORY): HsdsValidator {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  for (const file of readdirSync(directory).filter((name) => name.endsWith('.json')))
    ajv.addSchema(JSON.parse(readFileSync(`${directory}/${file}`, 'utf8')) as Json, file);
  const validators = new Map<HsdsShape, ValidateFunction>();
  return (shape, value) => {
    let validate = validators.get(shape);
    if (!validate) {
      validate = ajv.getSchema(`${shape}.json`);
      if (!validate) throw new Error(`no HSDS schema ${shape}.json in ${directory}`);
      validators.set(shape, validate);
    }
    if (validate(value)) return [];
    return (validate.errors ?? []).map(
      (error) => `${shape}${error.instancePath}: ${error.message ?? 'invalid'}`,
    );
  };
}

let compiled: HsdsValidator | undefined;

/** The validator for the bundled schemas, compiled on first use (immutable, so one per process). */
export function bundledHsdsValidator(): HsdsValidator {
  compiled ??= hsdsValidator();
  return compiled;
}

/** Every problem with an export page: each organization against organization.json. */
export function validateDirectoryPage(validate: HsdsValidator, page: { contents: unknown[] }): string[] {
  return page.contents.flatMap((organization, index) =>
    validate('organization', organization).map((problem) => `contents[${index}] ${problem}`),
  );
}
