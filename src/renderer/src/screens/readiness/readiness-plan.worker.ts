import { planForExam, type ExamPlanInput } from '../../../../core/readiness/projection/examPlan';

/** The worker's side of `readiness-plan.ts`: one plan per message, the answer or the error back. */
const scope = self as unknown as {
  addEventListener(type: 'message', listener: (event: MessageEvent<ExamPlanInput>) => void): void;
  postMessage(message: unknown): void;
};

scope.addEventListener('message', (event) => {
  try {
    scope.postMessage({ ok: true, plan: planForExam(event.data) });
  } catch (problem) {
    scope.postMessage({ ok: false, message: problem instanceof Error ? problem.message : String(problem) });
  }
});
