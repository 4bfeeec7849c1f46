import { planForExam, type ExamPlan, type ExamPlanInput } from '../../../../core/readiness/projection/examPlan';

type PlanReply = { ok: true; plan: ExamPlan } | { ok: false; message: string };

export interface PlanJob {
  result: Promise<ExamPlan>;
  /** Stops a plan whose options the learner has since changed. */
  cancel: () => void;
}

/**
 * Works out the exam plan away from the page: the new-card search takes seconds on a large
 * collection, and the score must show at once. Without workers (tests) it runs after a yield.
 */
export function startPlan(input: ExamPlanInput): PlanJob {
  if (typeof Worker === 'undefined') {
    let cancelled = false;
    const result = new Promise<ExamPlan>((resolve, reject) => {
      setTimeout(() => {
        if (cancelled) return;
        try {
          resolve(planForExam(input));
        } catch (problem) {
          reject(problem instanceof Error ? problem : new Error(String(problem)));
        }
      }, 0);
    });
    return { result, cancel: () => (cancelled = true) };
  }
  const worker = new Worker(new URL('./readiness-plan.worker.ts', import.meta.url), { type: 'module' });
  const result = new Promise<ExamPlan>((resolve, reject) => {
    worker.addEventListener('message', (event: MessageEvent<PlanReply>) => {
      worker.terminate();
      if (event.data.ok) resolve(event.data.plan);
      else reject(new Error(event.data.message));
    });
    worker.addEventListener('error', (event) => {
      worker.terminate();
      reject(new Error(event.message || 'The exam plan could not be worked out'));
    });
  });
  worker.postMessage(input);
  return { result, cancel: () => worker.terminate() };
}
