import { projectExamScore, type ProjectionInput } from '../readiness/projection/simulate';

/** The desired retentions a learner compares, from relaxed to exam-tight. */
export const WORKLOAD_RETENTIONS: readonly number[] = [0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 0.97];

export interface WorkloadRow {
  desiredRetention: number;
  /** Mean answers a day until the end of the horizon. */
  answersPerDay: number;
  minutesPerDay: number;
  /** Expected share of the cards recalled at the end of the horizon, 0..1. */
  recallAtEnd: number;
}

/**
 * Anki's workload simulator in Kioku's terms: the same projection Readiness plans with, run
 * once per desired retention with the learner's parameters, so a learner sees what 0.85 or
 * 0.95 costs a day and what it buys by the end (the exam day, or the horizon given).
 */
export function workloadByRetention(
  input: Omit<ProjectionInput, 'desiredRetention'>,
  retentions: readonly number[] = WORKLOAD_RETENTIONS,
): WorkloadRow[] {
  return retentions.map((desiredRetention) => {
    const projection = projectExamScore({ ...input, desiredRetention });
    const studyDays = projection.days.slice(0, -1);
    const answers = studyDays.reduce((sum, day) => sum + day.answers, 0);
    return {
      desiredRetention,
      answersPerDay: studyDays.length === 0 ? 0 : answers / studyDays.length,
      minutesPerDay: projection.minutesPerDay,
      recallAtEnd: projection.examScore,
    };
  });
}
