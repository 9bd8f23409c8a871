import type { z } from 'zod';

/** A predicate that answers, for a JSON value, what `schema.safeParse(value).success` would. */
export type SchemaCheck = (value: unknown) => boolean;

/** The parts of zod's internal definition this compiler reads (zod 4 `_zod.def`). */
interface Def {
  readonly type: string;
  readonly checks?: readonly unknown[];
  readonly innerType?: Schema;
  readonly options?: readonly Schema[];
  readonly element?: Schema;
  readonly keyType?: Schema;
  readonly valueType?: Schema;
  readonly shape?: Readonly<Record<string, Schema>>;
  readonly catchall?: Schema;
}

interface Schema {
  readonly _zod: { readonly def: Def };
}

/**
 * Compiles a zod schema into a plain predicate with the same verdict on JSON values
 * (what `JSON.parse` builds: null, booleans, numbers, strings, arrays, plain objects).
 *
 * Why: `safeParse` builds a full copy of every record (the schema is loose, so every
 * unknown field is copied too) and costs about as much as `JSON.parse` itself
 * (research/performance.md; measured +1.0x of the gunzip + parse baseline). The
 * predicate only reads the typed fields, with one straight-line function per object
 * (generated source, so each property read is a fixed name the engine can cache,
 * as zod's own JIT does).
 *
 * The zod schema stays the definition of a valid record: this reads its definition,
 * and gives up (returns `undefined`, so the caller keeps using `safeParse`) on
 * anything it does not model exactly (refinements, transforms, string formats, strict
 * objects, non-`unknown` record values...) or when code generation is disallowed.
 * `test/ingest/schema-check.test.ts` checks agreement with `safeParse` on generated
 * and corrupted records.
 */
export function compileSchemaCheck(schema: z.ZodType): SchemaCheck | undefined {
  const gen = new Generator();
  let entry: string;
  try {
    entry = gen.check(schema as unknown as Schema, 'v');
  } catch (error) {
    if (error instanceof Unsupported) return undefined;
    throw error;
  }
  const source = `${gen.helpers.join('\n')}\nreturn function check(v) { return ${entry}; };`;
  try {
    return new Function(source)() as SchemaCheck;
  } catch {
    // --disallow-code-generation-from-strings: safeParse still works.
    return undefined;
  }
}

class Unsupported extends Error {}

/** Emits JavaScript source: an expression per schema node, a helper function per object and array. */
class Generator {
  readonly helpers: string[] = [
    'function isObject(v) { return typeof v === "object" && v !== null && !Array.isArray(v); }',
  ];

  /** A boolean expression that is true when `value` (an identifier) passes `schema`. */
  check(schema: Schema, value: string): string {
    const def = schema._zod?.def;
    if (def === undefined) throw new Unsupported('not a zod 4 schema');
    if (def.checks !== undefined && def.checks.length > 0) throw new Unsupported(def.type);
    switch (def.type) {
      case 'string':
        return `typeof ${value} === "string"`;
      case 'boolean':
        return `typeof ${value} === "boolean"`;
      case 'unknown':
      case 'any':
        return 'true';
      case 'optional':
        return `(${value} === undefined || ${this.check(need(def.innerType), value)})`;
      case 'nullable':
        return `(${value} === null || ${this.check(need(def.innerType), value)})`;
      case 'union': {
        const options = (def.options ?? []).map((option) => this.check(option, value));
        if (options.length === 0) throw new Unsupported('empty union');
        return `(${options.join(' || ')})`;
      }
      case 'array':
        return `${this.array(need(def.element))}(${value})`;
      case 'record': {
        // Keys of parsed JSON are strings; only string keys with any value are modelled.
        // zod's isPlainObject is true for every non-array object JSON.parse builds.
        const key = need(def.keyType)._zod.def;
        if (key.type !== 'string' || (key.checks !== undefined && key.checks.length > 0)) {
          throw new Unsupported('record key');
        }
        if (this.check(need(def.valueType), 'x') !== 'true') throw new Unsupported('record value');
        return `isObject(${value})`;
      }
      case 'object':
        return `${this.object(def)}(${value})`;
      default:
        throw new Unsupported(def.type);
    }
  }

  private array(element: Schema): string {
    const name = `array${this.helpers.length}`;
    const at = this.reserve();
    const body = this.check(element, 'x');
    this.helpers[at] =
      `function ${name}(v) { if (!Array.isArray(v)) return false; ` +
      `for (let i = 0; i < v.length; i++) { const x = v[i]; if (!(${body})) return false; } return true; }`;
    return name;
  }

  private object(def: Def): string {
    // A strict object (catchall never) rejects unknown keys; only loose and strip objects accept them.
    if (def.catchall !== undefined && this.check(def.catchall, 'x') !== 'true') {
      throw new Unsupported('object catchall');
    }
    const name = `object${this.helpers.length}`;
    const at = this.reserve();
    const lines: string[] = [];
    const shape = def.shape ?? {};
    for (const key of Object.keys(shape)) {
      // zod skips a declared `__proto__` key; so does this.
      if (key === '__proto__') continue;
      const field = shape[key] as Schema;
      const k = JSON.stringify(key);
      // Read as zod reads: a plain property access, and `in` for presence. zod reports
      // an absent key unless its schema is optional (even `z.unknown()` must be present).
      if (field._zod.def.type !== 'optional') lines.push(`if (!(${k} in v)) return false;`);
      lines.push(`x = v[${k}]; if (!(${this.check(field, 'x')})) return false;`);
    }
    this.helpers[at] =
      `function ${name}(v) { if (!isObject(v)) return false; let x; ${lines.join(' ')} return true; }`;
    return name;
  }

  /** Holds a helper's place, so helpers are numbered in the order they were started. */
  private reserve(): number {
    this.helpers.push('');
    return this.helpers.length - 1;
  }
}

function need(schema: Schema | undefined): Schema {
  if (schema === undefined) throw new Unsupported('missing inner schema');
  return schema;
}
