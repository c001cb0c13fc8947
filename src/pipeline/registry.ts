// Stages registered by name. Stage modules register themselves from src/pipeline/stages.ts.

import { DyadError } from '../errors.js';
import type { Stage } from './stage.js';

const registry = new Map<string, Stage>();

export function registerStage(stage: Stage): void {
  if (registry.has(stage.name))
    throw new DyadError('DYAD_E_PIPELINE', `stage "${stage.name}" is registered twice`);
  registry.set(stage.name, stage);
}

export function getStage(name: string): Stage {
  const stage = registry.get(name);
  if (!stage) {
    const known = [...registry.keys()].join(', ') || 'none';
    throw new DyadError('DYAD_E_PIPELINE', `unknown stage "${name}" (registered: ${known})`);
  }
  return stage;
}

export function stageNames(): string[] {
  return [...registry.keys()];
}
