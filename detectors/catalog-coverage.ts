import { TACTICS, type Tactic, techniqueOf } from './attack-techniques.js';
import { MONITORING_CONTROLS, type MonitoringControl } from './monitoring-controls.js';
import type { Detector } from './types.js';

/** The control ids a detector cites: its references that are not URLs (`CIS 5.4`, `CloudWatch.4`, `S3.2`). */
export function controlsOf(detector: Detector): string[] {
  return detector.references.filter((r) => !/^https?:\/\//.test(r));
}

export interface ControlCoverage {
  readonly control: MonitoringControl;
  /** Ids of the detectors citing the control, sorted. */
  readonly detectors: readonly string[];
}

/** Every CIS monitoring control, with the detectors that cover it (possibly none). */
export function monitoringCoverage(detectors: readonly Detector[]): ControlCoverage[] {
  return MONITORING_CONTROLS.map((control) => ({
    control,
    detectors: detectors
      .filter((d) => d.references.includes(control.id))
      .map((d) => d.id)
      .sort(),
  }));
}

export interface TacticCoverage {
  /** `undefined` for techniques the table in attack-techniques.ts does not know. */
  readonly tactic: Tactic | undefined;
  /** Technique ids cited under this tactic, sorted. */
  readonly techniques: readonly string[];
  readonly detectors: readonly string[];
}

/** Tactics the detector's techniques belong to, in kill-chain order. */
export function tacticsOf(detector: Detector): Tactic[] {
  const found = new Set(detector.attack.flatMap((t) => techniqueOf(t)?.tactics ?? []));
  return TACTICS.map((t) => t.name).filter((name) => found.has(name));
}

/** Techniques cited by the detectors that attack-techniques.ts does not map, sorted. */
export function unmappedTechniques(detectors: readonly Detector[]): string[] {
  const ids = new Set(detectors.flatMap((d) => d.attack).filter((t) => !techniqueOf(t)));
  return [...ids].sort();
}

/**
 * Every ATT&CK tactic in kill-chain order with the techniques and detectors
 * under it (possibly none), then one row without a tactic for unmapped techniques.
 */
export function tacticCoverage(detectors: readonly Detector[]): TacticCoverage[] {
  const rows: TacticCoverage[] = TACTICS.map(({ name }) => {
    const techniques = new Set<string>();
    const ids = new Set<string>();
    for (const d of detectors) {
      for (const t of d.attack) {
        if (techniqueOf(t)?.tactics.includes(name)) {
          techniques.add(t);
          ids.add(d.id);
        }
      }
    }
    return { tactic: name, techniques: [...techniques].sort(), detectors: [...ids].sort() };
  });
  const unmapped = unmappedTechniques(detectors);
  if (unmapped.length > 0) {
    const ids = detectors
      .filter((d) => d.attack.some((t) => unmapped.includes(t)))
      .map((d) => d.id);
    rows.push({ tactic: undefined, techniques: unmapped, detectors: ids.sort() });
  }
  return rows;
}
