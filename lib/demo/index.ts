// Public surface of the demo data generator (pure: no I/O, no clock, no Math.random).
export { generateDemoExecutions, DEMO_DEFAULTS } from './generator';
export { DEMO_PLANTED, getPlantedWindow, type PlantedWindow } from './planted';
export { DEMO_PIPELINES } from './pipelines';
export type {
  DemoExecution, DemoExecutionStatus, DemoErrorType, DemoMetadataValue, DemoOptions, DemoStage, DemoStageStatus,
  PipelineSpec, StageSpec, ModelStageSpec, ToolStageSpec,
} from './types';
