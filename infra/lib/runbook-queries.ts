import { allQueries, RUNBOOK_LIST } from '../../runbooks/catalog.js';
import { compileSql } from '../../runbooks/sql/compile.js';
import type { AthenaNamedQuery } from './athena.js';

/**
 * One saved Athena query per runbook query, so a responder finds each in the console's
 * "Saved queries" of the trailwatch workgroup. The text is the one the runbook runner
 * sends (`?` markers): Athena runs it as a prepared statement with the values as
 * execution parameters. A query several runbooks share is saved once, named after the
 * first of them by id, because a saved query's construct id must be unique.
 */
export function runbookNamedQueries(): AthenaNamedQuery[] {
  return allQueries().map((query) => {
    const runbook = RUNBOOK_LIST.find((r) => r.queries.some((q) => q.id === query.id));
    // allQueries() only returns queries some runbook holds; the fallback keeps types honest.
    const owner = runbook?.id ?? 'shared';
    return {
      id: `RunbookQuery-${query.id}`,
      name: `${owner}/${query.id}`,
      description: query.title,
      queryString: compileSql(query.sql).text,
    };
  });
}
