import type { Template } from 'aws-cdk-lib/assertions';
import { resourcesOf } from './support.js';

/** A Glue column as synthesized. */
export interface ColumnJson {
  readonly Name: string;
  readonly Type: string;
}

/** A Glue table input as synthesized. */
export interface TableInputJson {
  readonly Name: string;
  readonly Parameters: Record<string, unknown>;
  readonly PartitionKeys: ColumnJson[];
  // biome-ignore lint/suspicious/noExplicitAny: template JSON; tests assert its shape
  readonly StorageDescriptor: Record<string, any> & { Columns: ColumnJson[] };
}

/** Every Glue table of the template, by table name. */
export function glueTables(template: Template): Map<string, TableInputJson> {
  return new Map(
    Object.values(resourcesOf(template, 'AWS::Glue::Table')).map((table) => {
      const input = table.Properties?.TableInput as TableInputJson;
      return [input.Name, input];
    }),
  );
}

/** The Glue table named `name` (throws when there is none). */
export function tableInputOf(template: Template, name = 'cloudtrail_logs'): TableInputJson {
  const table = glueTables(template).get(name);
  if (table === undefined) throw new Error(`no Glue table ${name} in the template`);
  return table;
}
